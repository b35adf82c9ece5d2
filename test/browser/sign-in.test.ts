import { expect, it } from 'vitest';
import { describeOnEachLauncher } from './harness/fixture';

// Sign-in as the operator sees it when the browser is abandoned (practice scenario): what will be used
// (client, proxy) is shown first, a visible Cancel stops the wait, and the app says it was cancelled.

describeOnEachLauncher('browser sign-in left unanswered', (flow) => {
  it('shows the client and route, offers Cancel while waiting, and reports the cancellation', async () => {
    const app = await flow.machine('sign-in', { backend: { scenario: { signIn: 'browser-abandoned' } } });
    const { page } = app;
    await page.getByTestId('side-host').click();
    const connection = page.getByTestId('azure-connection');
    // The first step into a flow may wait for the screens' chunk on a busy machine: more than the default second.
    await expect.poll(() => connection.textContent(), { timeout: 10_000 }).toContain("the Azure CLI's public client (04b07795-8ddb-461a-bbee-02f9e1bf7b46)");
    expect(await connection.textContent()).toContain('the practice Azure on this computer, never through a proxy');

    await page.getByRole('button', { name: 'Sign in to Azure' }).click();
    const cancel = page.getByRole('button', { name: 'Cancel sign-in' });
    await cancel.waitFor();
    expect(await page.getByText('The sign-in stops by itself after 5 minutes.').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Sign in to Azure' }).isDisabled()).toBe(true);

    await cancel.click();
    await expect.poll(() => page.getByTestId('problem').first().textContent()).toContain('The sign-in was cancelled.');
    await cancel.waitFor({ state: 'detached' });
    expect(await page.getByRole('button', { name: 'Sign in to Azure' }).isDisabled()).toBe(false);
    expect(await page.getByTestId('azure-account').count()).toBe(0);
    expect(app.errors, 'page errors or CSP violations').toEqual([]);
  });
}, ['bridge']);
