import { expect, it } from 'vitest';
import { DEFAULT_PRACTICE_SCENARIO } from '../../shared/contract';
import { describeOnEachLauncher } from './harness/fixture';

// The Practice scenarios screen, as an operator uses it: reachable from the side nav in practice
// mode, each choice explained, invalid input held back, the saved scenario sent to main.

describeOnEachLauncher('practice scenarios screen', (flow) => {
  it('explains each choice, refuses a node count out of range, and saves the scenario to main', async () => {
    const app = await flow.machine('practice');
    const { page } = app;
    await page.getByRole('button', { name: 'Practice scenarios' }).click();
    const screen = page.getByTestId('practice-screen');
    await screen.waitFor();

    await page.getByLabel('Stamp build').selectOption('1.1910.0.58');
    await expect.poll(() => page.locator('#practice-version-hint').textContent()).toContain('Custom billing and the asset tag are refused');
    await page.getByLabel('Lock write forbidden').check();
    await expect.poll(() => page.locator('#practice-lockForbidden-hint').textContent()).toContain('403 AuthorizationFailed');

    await page.getByLabel('Lock removal reaches Azure late').check();
    await expect.poll(() => page.locator('#practice-lockPropagationDelay-hint').textContent()).toContain('409 ScopeLocked');
    await page.getByLabel('Number of hosts').fill('17');
    await expect.poll(() => page.locator('#practice-nodes-error').textContent()).toContain('from 1 to 16');
    expect(await page.getByRole('button', { name: 'Save scenario' }).isDisabled()).toBe(true);
    await page.getByLabel('Number of hosts').fill('8');
    await page.getByRole('button', { name: 'Save scenario' }).click();

    const expected = { ...DEFAULT_PRACTICE_SCENARIO, stampVersion: '1.1910.0.58', numberOfNodes: 8, lockForbidden: true, lockPropagationDelay: true };
    await expect.poll(() => app.call('practice.get', {})).toEqual({ ok: true, value: expected });
  });
});
