import { afterEach, describe, expect, it } from 'vitest';
import { armError, DISABLED, EA, putRegistration, regPath, rgPath, startHarness, type Harness } from './harness';

const PROVIDER = `/subscriptions/${EA}/providers/Microsoft.AzureStack`;

describe('Microsoft.AzureStack provider registration', () => {
  let h: Harness;
  afterEach(async () => {
    await h.az.stop();
  });

  const state = async () => ((await h.call('GET', `${PROVIDER}?api-version=2025-04-01`)).json as { registrationState: string }).registrationState;

  it('goes NotRegistered → Registering → Registered after the configured number of polls', async () => {
    h = await startHarness({ providerPollsUntilRegistered: 3 });
    expect(await state()).toBe('NotRegistered');
    const register = await h.call('POST', `${PROVIDER}/register?api-version=2025-04-01`);
    expect(register.status).toBe(200);
    expect(register.json).toMatchObject({ namespace: 'Microsoft.AzureStack', registrationState: 'Registering' });
    expect([await state(), await state(), await state(), await state()]).toEqual(['Registering', 'Registering', 'Registered', 'Registered']);
    expect(h.az.state.snapshot().providers[EA]).toBe('Registered');
  });

  it('describes the registrations resource type with its api versions', async () => {
    h = await startHarness({ azureStackRegisteredIn: [EA] });
    const body = (await h.call('GET', `${PROVIDER}?api-version=2025-04-01`)).json as { id: string; resourceTypes: { resourceType: string; apiVersions: string[] }[] };
    expect(body.id).toBe(PROVIDER);
    expect(body.resourceTypes.find((t) => t.resourceType === 'registrations')?.apiVersions).toEqual(
      expect.arrayContaining(['2017-06-01', '2020-06-01-preview', '2022-06-01']),
    );
  });

  it('refuses Microsoft.AzureStack calls while the subscription is not registered', async () => {
    h = await startHarness();
    await h.call('PUT', `${rgPath(EA, 'azurestack')}?api-version=2025-04-01`, { body: { location: 'westcentralus' } });
    const put = await putRegistration(h, EA, 'azurestack', 'reg1');
    expect(put.status).toBe(409);
    const error = armError(put);
    expect(error.code).toBe('MissingSubscriptionRegistration');
    expect(error.message).toBe(
      "The subscription is not registered to use namespace 'Microsoft.AzureStack'. See https://aka.ms/rps-not-found for how to register subscriptions.",
    );
    expect(error.details).toEqual([expect.objectContaining({ code: 'MissingSubscriptionRegistration', target: 'Microsoft.AzureStack' })]);
    const get = await h.call('GET', `${regPath(EA, 'azurestack', 'reg1')}?api-version=2017-06-01`);
    expect(armError(get).code).toBe('MissingSubscriptionRegistration');
  });

  it('registers at once with zero polls, and refuses to register a disabled subscription', async () => {
    h = await startHarness({ providerPollsUntilRegistered: 0 });
    expect((await h.call('POST', `${PROVIDER}/register?api-version=2025-04-01`)).json).toMatchObject({ registrationState: 'Registered' });
    const disabled = await h.call('POST', `/subscriptions/${DISABLED}/providers/Microsoft.AzureStack/register?api-version=2025-04-01`);
    expect([disabled.status, armError(disabled).code]).toEqual([409, 'ReadOnlyDisabledSubscription']);
  });
});
