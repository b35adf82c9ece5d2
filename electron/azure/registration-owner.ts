import { said } from '../../shared/contract/said';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/contract/problems';
import { answerError } from './arm-http';
import { evaluatePermissions, REQUIRED_ACTIONS } from './permissions';
import { readPermissions } from './queries';
import { registrationId, subscriptionScope } from './resource-ids';
import { phase, type Session } from './session';
import type { Ctl, RegistrationRef } from './types';

// Contract §2.7 step 7: the stamp's Azure Bridge service principal gets the built-in "Azure Stack
// Registration Owner" role on the registration resource. List first, at that scope and for that
// principal; create only when missing, with principalType so a principal created moments ago by the
// stamp is not refused while Entra ID replicates it.

export const REGISTRATION_OWNER_ROLE_ID = '6f12a6df-dd06-4f3e-bcb1-ce8be600526a';
export const REGISTRATION_OWNER_ROLE_NAME = 'Azure Stack Registration Owner';
/** PrincipalNotFound while the new principal replicates: tried again this many times, this far apart. */
const REPLICATION_TRIES = 5;
const REPLICATION_WAIT_MS = 10_000;

/** Connected registration: what registering needs, plus reading and creating the principal's role assignment. */
export const CONNECTED_ACTIONS = [...REQUIRED_ACTIONS, 'Microsoft.Authorization/roleAssignments/read', 'Microsoft.Authorization/roleAssignments/write'] as const;

/** The actions connected registration needs that the signed-in account lacks at the group (or the subscription). */
export const missingConnectedActions = async (s: Session, ref: RegistrationRef): Promise<{ scope: string; missing: string[] }> => {
  const { scope, entries } = await readPermissions(s, ref.subscriptionId, ref.resourceGroup);
  return { scope, missing: evaluatePermissions(entries, CONNECTED_ACTIONS).missing };
};

type Assignment = { id?: string; properties?: { roleDefinitionId?: string; principalId?: string; scope?: string } };

const isOwnerRole = (a: Assignment): boolean => (a.properties?.roleDefinitionId ?? '').toLowerCase().endsWith(`/${REGISTRATION_OWNER_ROLE_ID}`);

export type OwnerAssignment = { id: string; created: boolean };

/** The principal's "Azure Stack Registration Owner" assignment at the registration, if any. */
const findOwner = async (s: Session, ref: RegistrationRef, principalId: string, signal?: AbortSignal): Promise<Assignment | undefined> => {
  const scope = registrationId(ref.subscriptionId, ref.resourceGroup, ref.registrationName);
  const filter = encodeURIComponent(`principalId eq '${principalId}'`);
  const items = (await s.http.list(`${scope}/providers/Microsoft.Authorization/roleAssignments?api-version=${s.api.authorization}&$filter=${filter}`, {
    ...(signal ? { signal } : {}),
    step: 'listing role assignments on the registration',
  })) as Assignment[];
  return items.find((a) => isOwnerRole(a) && (a.properties?.principalId ?? '').toLowerCase() === principalId.toLowerCase());
};

/**
 * What Azure holds for a connected registration, read together: the resource, its lock, and (given the
 * stamp's principal) its role assignment. `undefined` where it could not be read; this settles an
 * outcome left unknown.
 */
export const readConnectedState = async (s: Session, ref: RegistrationRef, principalId?: string) => {
  const id = registrationId(ref.subscriptionId, ref.resourceGroup, ref.registrationName);
  const [registration, locked, owner] = await Promise.all([
    s.registrations.get(ref.subscriptionId, ref.resourceGroup, ref.registrationName),
    s.locks.hasOwn(id).catch(() => undefined),
    principalId ? findOwner(s, ref, principalId).then((a) => a !== undefined, () => undefined) : Promise.resolve(undefined),
  ]);
  return { registration, locked: registration ? locked : false, ownerAssigned: registration ? owner : false };
};

export const ensureRegistrationOwner = async (s: Session, ref: RegistrationRef, principalId: string, ctl: Ctl): Promise<OwnerAssignment> => {
  const scope = registrationId(ref.subscriptionId, ref.resourceGroup, ref.registrationName);
  const api = `api-version=${s.api.authorization}`;
  const found = await phase(s, ctl, 'role.check', said('progress.role-owner-check', `Looking for the ${REGISTRATION_OWNER_ROLE_NAME} assignment of the stamp's service principal`, { role: REGISTRATION_OWNER_ROLE_NAME }), () =>
    findOwner(s, ref, principalId, ctl.signal),
  );
  if (found?.id) {
    ctl.progress?.('role.check', said('progress.role-owner-present', `The stamp's service principal already has ${REGISTRATION_OWNER_ROLE_NAME} on ${ref.registrationName}.`, { role: REGISTRATION_OWNER_ROLE_NAME, name: ref.registrationName }));
    return { id: found.id, created: false };
  }
  return phase(s, ctl, 'role.assign', said('progress.role-owner-assign', `Assigning ${REGISTRATION_OWNER_ROLE_NAME} to the stamp's service principal on ${ref.registrationName}`, { role: REGISTRATION_OWNER_ROLE_NAME, name: ref.registrationName }), async () => {
    const step = `assigning ${REGISTRATION_OWNER_ROLE_NAME} on ${ref.registrationName}`;
    const name = randomUUID();
    const body = {
      properties: {
        roleDefinitionId: `${subscriptionScope(ref.subscriptionId)}/providers/Microsoft.Authorization/roleDefinitions/${REGISTRATION_OWNER_ROLE_ID}`,
        principalId,
        principalType: 'ServicePrincipal',
      },
    };
    for (let attempt = 1; ; attempt += 1) {
      const answer = await s.http.send('PUT', `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}?${api}`, { body, ...(ctl.signal ? { signal: ctl.signal } : {}), step });
      if (answer.status === 200 || answer.status === 201) {
        const id = (answer.body as { id?: string } | undefined)?.id ?? `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}`;
        return { id, created: true };
      }
      const e = answerError(answer, step);
      // Someone (or an earlier run whose answer was lost) assigned it meanwhile: that is the goal.
      if (answer.status === 409 && /RoleAssignmentExists/i.test(answer.bodyAsText ?? '')) return { id: `${scope} (existing assignment)`, created: false };
      if (answer.status === 400 && /PrincipalNotFound/i.test(answer.bodyAsText ?? '') && attempt < REPLICATION_TRIES) {
        const seconds = REPLICATION_WAIT_MS / 1000;
        ctl.progress?.(
          'role.assign',
          said('progress.principal-not-visible', `The new service principal is not visible in the directory yet (PrincipalNotFound); trying again in ${seconds} s.`, { seconds }),
        );
        await s.sleep(REPLICATION_WAIT_MS, ctl.signal);
        continue;
      }
      if (answer.status === 403) {
        throw new AppError('azure-forbidden', `You may not assign roles on registration ${ref.registrationName} (Microsoft.Authorization/roleAssignments/write).`, {
          action: 'Ask for Owner or User Access Administrator on the subscription (or the registration role with roleAssignments/write), then run the connected registration again: the registration already made is reused.',
          ...(e.problem.detail ? { detail: e.problem.detail } : {}),
          ...(e.problem.reference ? { reference: e.problem.reference } : {}),
        });
      }
      throw e;
    }
  });
};
