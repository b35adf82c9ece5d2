import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { armRequest, EA_SUB, makeToken, problemOf, unique, usePracticeAzure, type Harness } from './practice-harness';

// Contract §2.7 step 7 against the practice Azure: "Azure Stack Registration Owner" for the stamp's Azure
// Bridge principal on the registration, listed first and created only when missing, with principalType.

let h: Harness;
usePracticeAzure((started) => (h = started));
const OWNER = '6f12a6df-dd06-4f3e-bcb1-ce8be600526a';

const registered = async () => {
  const ref = { subscriptionId: EA_SUB, resourceGroup: unique('rg'), registrationName: unique('reg') };
  const { registration } = await h.azure.register({ ...ref, location: 'westcentralus', token: makeToken() });
  return { ref, id: registration.id };
};
const newPrincipal = () => {
  const id = randomUUID();
  h.practice.directory.add(id);
  return id;
};
const ownersOn = (scope: string) =>
  h.practice.state.snapshot().roleAssignments.filter((a) => a.scope.toLowerCase() === scope.toLowerCase() && String(a.properties.roleDefinitionId).endsWith(OWNER));

describe('registration owner role for the stamp principal', () => {
  it('creates it once with principalType ServicePrincipal, then finds it', async () => {
    const { ref, id } = await registered();
    const principal = newPrincipal();
    const phases: string[] = [];
    expect(await h.azure.assignRegistrationOwner(ref, principal, { progress: (p) => phases.push(p) })).toMatchObject({ created: true });
    expect(phases).toEqual(['role.check', 'role.assign']);
    expect(ownersOn(id).map((a) => [a.properties.principalId, a.properties.principalType])).toEqual([[principal, 'ServicePrincipal']]);
    expect(await h.azure.assignRegistrationOwner(ref, principal)).toMatchObject({ created: false });
    expect(ownersOn(id)).toHaveLength(1);
    expect(await h.azure.connectedState(ref, principal)).toMatchObject({ locked: true, ownerAssigned: true });
    expect(await h.azure.connectedState(ref, randomUUID())).toMatchObject({ ownerAssigned: false });
  });

  it('a principal just created, assigned without principalType, is not found (replication delay): why the app sends it', async () => {
    const { id } = await registered();
    const principal = newPrincipal();
    const body = (extra: object) => ({ properties: { roleDefinitionId: `/subscriptions/${EA_SUB}/providers/Microsoft.Authorization/roleDefinitions/${OWNER}`, principalId: principal, ...extra } });
    const path = (name: string) => `${id}/providers/Microsoft.Authorization/roleAssignments/${name}?api-version=2022-04-01`;
    expect(await armRequest(h, 'PUT', path(randomUUID()), body({}))).toBe(400);
    expect(await armRequest(h, 'PUT', path(randomUUID()), body({ principalType: 'ServicePrincipal' }))).toBe(201);
  });

  it('an unknown principal keeps failing: tried again a bounded number of times, then reported', async () => {
    const { ref } = await registered();
    const problem = await problemOf(h.azure.assignRegistrationOwner(ref, randomUUID()));
    expect(problem.detail ?? problem.message).toMatch(/PrincipalNotFound/);
    expect(h.sleeps.filter((ms) => ms === 10_000)).toHaveLength(4);
  });

  it('403 on roleAssignments/write says what to ask for and that the registration is reused', async () => {
    const { ref, id } = await registered();
    h.practice.faults.add({ kind: 'forbidden', method: 'PUT', pathPattern: /roleAssignments\/[^/]+$/i, times: 1 });
    const problem = await problemOf(h.azure.assignRegistrationOwner(ref, newPrincipal()));
    expect(problem.code).toBe('azure-forbidden');
    expect(problem.message).toMatch(/roleAssignments\/write/);
    expect(problem.action).toMatch(/registration already made is reused/);
    expect(ownersOn(id)).toEqual([]);
  });
});
