import { afterEach, describe, expect, it } from 'vitest';
import { armError, CSP, CSP2, EA, prepare, putRegistration, regPath, startHarness, type Harness, type Reply } from './harness';

const V = 'api-version=2025-04-01';

describe('moving a registration', () => {
  let h: Harness;
  afterEach(async () => {
    await h.az.stop();
  });

  const move = (kind: 'validateMoveResources' | 'moveResources', sub: string, from: string, ids: string[], targetSub: string, to: string) =>
    h.call('POST', `/subscriptions/${sub}/resourceGroups/${from}/${kind}?${V}`, {
      body: { resources: ids, targetResourceGroup: `/subscriptions/${targetSub}/resourceGroups/${to}` },
    });

  /** Follows Location until the operation stops answering 202. */
  const poll = async (accepted: Reply): Promise<{ final: Reply; polls: number }> => {
    expect(accepted.status).toBe(202);
    let location = String(accepted.headers.location);
    for (let polls = 1; ; polls++) {
      const reply = await h.call('GET', location);
      if (reply.status !== 202) return { final: reply, polls };
      expect(reply.headers['retry-after']).toBe('5');
      location = String(reply.headers.location);
    }
  };

  it('moves between resource groups: 202, polled 202s, then 204, and the id changes', async () => {
    h = await startHarness({ operationPolls: 2, operationRetryAfterSeconds: 5 });
    await prepare(h);
    await prepare(h, EA, 'target', 'eastus');
    await putRegistration(h, EA, 'azurestack', 'reg1');
    const id = regPath(EA, 'azurestack', 'reg1');
    const assignment = {
      properties: {
        roleDefinitionId: `/subscriptions/${EA}/providers/Microsoft.Authorization/roleDefinitions/6f12a6df-dd06-4f3e-bcb1-ce8be600526a`,
        principalId: '5b3b06a8-9c6c-4888-9eb3-e8cdace74795',
        principalType: 'ServicePrincipal',
      },
    };
    h.az.directory.add('5b3b06a8-9c6c-4888-9eb3-e8cdace74795');
    await h.call('PUT', `${id}/providers/Microsoft.Authorization/roleAssignments/9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a?api-version=2022-04-01`, { body: assignment });
    expect(h.az.state.snapshot().roleAssignments).toHaveLength(1);
    const validation = await poll(await move('validateMoveResources', EA, 'azurestack', [id], EA, 'target'));
    expect(validation.final.status).toBe(204);
    const accepted = await move('moveResources', EA, 'azurestack', [id], EA, 'target');
    expect(accepted.headers['retry-after']).toBe('5');
    expect((await h.call('GET', `${id}?api-version=2017-06-01`)).status).toBe(200);
    const { final, polls } = await poll(accepted);
    expect([final.status, polls]).toEqual([204, 3]);
    expect((await h.call('GET', `${id}?api-version=2017-06-01`)).status).toBe(404);
    // Like ARM right after a move, the new id answers 404 once before it shows.
    expect((await h.call('GET', `${regPath(EA, 'target', 'reg1')}?api-version=2017-06-01`)).status).toBe(404);
    const moved = await h.call('GET', `${regPath(EA, 'target', 'reg1')}?api-version=2017-06-01`);
    expect(moved.json).toMatchObject({ id: regPath(EA, 'target', 'reg1'), properties: { cloudId: '69464895-3a1a-450a-9824-4b7608d9203f' } });
    // Role assignments stay behind (are deleted) when their resource moves.
    expect(h.az.state.snapshot().roleAssignments).toEqual([]);
  });

  it('refuses a move while the registration is locked; validation reports it through the operation', async () => {
    h = await startHarness({ operationRetryAfterSeconds: 5 });
    await prepare(h);
    await prepare(h, EA, 'target', 'westcentralus');
    await putRegistration(h, EA, 'azurestack', 'reg1');
    const id = regPath(EA, 'azurestack', 'reg1');
    await h.call('PUT', `${id}/providers/Microsoft.Authorization/locks/RegistrationResourceLock?api-version=2020-05-01`, { body: { properties: { level: 'CanNotDelete' } } });
    const direct = await move('moveResources', EA, 'azurestack', [id], EA, 'target');
    expect([direct.status, armError(direct).code]).toEqual([409, 'ScopeLocked']);
    const { final } = await poll(await move('validateMoveResources', EA, 'azurestack', [id], EA, 'target'));
    expect([final.status, armError(final).code]).toEqual([409, 'ScopeLocked']);
    expect(h.az.state.snapshot().registrations[0]?.resourceGroup).toBe('azurestack');
  });

  it('refuses cross-subscription moves unless both are CSP subscriptions of one partner', async () => {
    h = await startHarness({ operationPolls: 0 });
    await prepare(h, CSP, 'azurestack');
    await prepare(h, EA, 'target');
    await prepare(h, CSP2, 'target');
    await putRegistration(h, CSP, 'azurestack', 'reg1');
    const id = regPath(CSP, 'azurestack', 'reg1');
    const toCsp = await move('moveResources', CSP, 'azurestack', [id], CSP2, 'target');
    expect([toCsp.status, armError(toCsp).code]).toEqual([400, 'ResourceMoveNotSupported']);
    await h.az.stop();

    h = await startHarness({ operationPolls: 0, cspSharedPartner: true, movedNotFoundReads: 0 });
    await prepare(h, CSP, 'azurestack');
    await prepare(h, EA, 'target');
    await prepare(h, CSP2, 'target');
    await putRegistration(h, CSP, 'azurestack', 'reg1');
    const toEa = await move('moveResources', CSP, 'azurestack', [id], EA, 'target');
    expect(armError(toEa).code).toBe('ResourceMoveNotSupported');
    const { final } = await poll(await move('moveResources', CSP, 'azurestack', [id], CSP2, 'target'));
    expect(final.status).toBe(204);
    expect((await h.call('GET', `${regPath(CSP2, 'target', 'reg1')}?api-version=2017-06-01`)).status).toBe(200);
  });

  it('refuses malformed requests, foreign resources, missing targets and same-group moves', async () => {
    h = await startHarness();
    await prepare(h);
    await prepare(h, EA, 'other');
    await putRegistration(h, EA, 'azurestack', 'reg1');
    const id = regPath(EA, 'azurestack', 'reg1');
    const empty = await h.call('POST', `/subscriptions/${EA}/resourceGroups/azurestack/moveResources?${V}`, { body: { resources: [] } });
    expect([empty.status, armError(empty).code]).toEqual([400, 'InvalidRequestContent']);
    const same = await move('moveResources', EA, 'azurestack', [id], EA, 'AzureStack');
    expect([same.status, armError(same).code]).toEqual([400, 'InvalidResourceMoveRequest']);
    const foreign = await move('moveResources', EA, 'other', [id], EA, 'azurestack');
    expect([foreign.status, armError(foreign).code]).toEqual([400, 'InvalidResourceMoveRequest']);
    const noTarget = await move('moveResources', EA, 'azurestack', [id], EA, 'ghost');
    expect([noTarget.status, armError(noTarget).code]).toEqual([404, 'ResourceGroupNotFound']);
  });
});
