// The practice Azure's in-memory state: one world for every cloud, since all clouds share one endpoint.
import { ArmError, resourceGroupNotFound, subscriptionNotFound } from './arm-error';
import type { PermissionProfile } from './permissions';
import type { ArmResponse } from './router';
import type { Clock, PracticeAzureSettings, PracticeSubscription } from './types';

export type ResourceGroup = { subscriptionId: string; name: string; location: string; tags?: Record<string, string> };

export type Registration = {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  etag: string;
  tags?: Record<string, string>;
  cloudId: string;
  objectId: string;
  billingModel: string;
  /** The decoded registration token, kept to build the activation key. */
  token: Record<string, unknown>;
  /** Seeded as a Capacity registration past its term (practice scenario). */
  expired?: boolean;
};

export type Lock = { scope: string; name: string; level: 'CanNotDelete' | 'ReadOnly'; notes?: string; owners?: unknown[] };

type ProviderState = { state: 'NotRegistered' | 'Registering' | 'Registered'; pollsLeft: number };

export type RoleDefinition = { scope: string; name: string; properties: Record<string, unknown> };

type RoleAssignment = { scope: string; name: string; properties: Record<string, unknown> };

/** A long-running operation polled through its `Location` URL. */
export type Operation = { subscriptionId: string; pollsLeft: number; finish(): ArmResponse };

export type World = {
  settings: PracticeAzureSettings;
  clock: Clock;
  subscriptions: Map<string, PracticeSubscription>;
  groups: Map<string, ResourceGroup>;
  registrations: Map<string, Registration>;
  locks: Map<string, Lock>;
  /** Locks already deleted that ARM still enforces until `until` (ms on the clock): removal propagates. */
  fadingLocks: { lock: Lock; until: number }[];
  /** Registrations just moved: their new id answers 404 for this many more reads (ARM's cache catching up). */
  movedUnseen: Map<string, number>;
  providers: Map<string, ProviderState>;
  operations: Map<string, Operation>;
  roleDefinitions: Map<string, RoleDefinition>;
  roleAssignments: Map<string, RoleAssignment>;
  /** Service principals of the directory (object id, lower case): `new` ones are still replicating. */
  principals: Map<string, 'new' | 'replicated'>;
  permissions: PermissionProfile;
  etagSequence: number;
};

export type WorldSnapshot = {
  resourceGroups: ResourceGroup[];
  registrations: Omit<Registration, 'token'>[];
  locks: Lock[];
  providers: Record<string, ProviderState['state']>;
  roleDefinitions: RoleDefinition[];
  roleAssignments: RoleAssignment[];
  pendingOperations: number;
};

export const key = (...parts: string[]): string => parts.join('/').toLowerCase();

const LOCK_NOTES = (name: string) => `Registration resource ${name} is needed for syndication. Placing resource lock to prevent accidental deletion.`;

/** Registrations (with their groups, locks and provider) that exist before the app runs. */
const seedRegistrations = (world: World, seeds: PracticeAzureSettings['registrations']): World => {
  for (const r of seeds) {
    const gk = key(r.subscriptionId, r.resourceGroup);
    if (!world.groups.has(gk)) world.groups.set(gk, { subscriptionId: r.subscriptionId, name: r.resourceGroup, location: r.location });
    world.providers.set(r.subscriptionId.toLowerCase(), { state: 'Registered', pollsLeft: 0 });
    const registration: Registration = {
      subscriptionId: r.subscriptionId,
      resourceGroup: r.resourceGroup,
      name: r.name,
      etag: nextEtag(world, world.clock.now()),
      cloudId: r.cloudId,
      objectId: r.cloudId,
      billingModel: r.billingModel,
      token: { cloudId: r.cloudId, billingModel: r.billingModel, usageReportingEnabled: false, marketplaceSyndicationEnabled: false, hardwareInfo: [] },
      ...(r.expired ? { expired: true } : {}),
    };
    world.registrations.set(key(r.subscriptionId, r.resourceGroup, r.name), registration);
    if (r.locked) {
      const scope = registrationId(registration);
      world.locks.set(key(scope, 'RegistrationResourceLock'), { scope, name: 'RegistrationResourceLock', level: 'CanNotDelete', notes: LOCK_NOTES(r.name) });
    }
  }
  return world;
};

export const createWorld = (settings: PracticeAzureSettings, clock: Clock): World => {
  const registeredIn = new Set(settings.azureStackRegisteredIn.map((s) => s.toLowerCase()));
  return seedRegistrations({
    settings,
    clock,
    subscriptions: new Map(
      settings.subscriptions.map((s) => [s.subscriptionId.toLowerCase(), { ...s, state: settings.subscriptionStates[s.subscriptionId.toLowerCase()] ?? s.state }]),
    ),
    groups: new Map(settings.groups.map((g) => [key(g.subscriptionId, g.name), g])),
    registrations: new Map(),
    locks: new Map(settings.foreignLocks.map((l) => [key(l.scope, l.name), l])),
    fadingLocks: [],
    movedUnseen: new Map(),
    providers: new Map(
      settings.subscriptions.map((s) => [
        s.subscriptionId.toLowerCase(),
        { state: registeredIn.has(s.subscriptionId.toLowerCase()) ? 'Registered' : 'NotRegistered', pollsLeft: 0 },
      ]),
    ),
    operations: new Map(),
    roleDefinitions: new Map(),
    roleAssignments: new Map(),
    principals: new Map(),
    permissions: settings.permissions,
    etagSequence: 0,
  }, settings.registrations);
};

export const snapshot = (world: World): WorldSnapshot => ({
  resourceGroups: [...world.groups.values()].map((g) => ({ ...g })),
  registrations: [...world.registrations.values()].map(({ token: _token, ...rest }) => ({ ...rest })),
  locks: [...world.locks.values()].map((l) => ({ ...l })),
  providers: Object.fromEntries([...world.providers].map(([sub, p]) => [sub, p.state])),
  roleDefinitions: [...world.roleDefinitions.values()],
  roleAssignments: [...world.roleAssignments.values()],
  pendingOperations: world.operations.size,
});

/**
 * Azure's state as it outlives the app: what a restart of the app finds there (the kill tests of the
 * fault matrix). Taken, long-running operations finish first, as ARM finishes them on its own.
 */
export type WorldState = Pick<WorldSnapshot, 'resourceGroups' | 'locks' | 'roleDefinitions' | 'roleAssignments'> & {
  registrations: Registration[];
  providers: Record<string, ProviderState['state']>;
  etagSequence: number;
};

export const takeState = (world: World): WorldState => {
  for (const [id, op] of world.operations) {
    world.operations.delete(id);
    op.finish();
  }
  return { ...snapshot(world), registrations: [...world.registrations.values()].map((r) => ({ ...r })), etagSequence: world.etagSequence };
};

export const putState = (world: World, state: WorldState): void => {
  const byKey = <T>(items: T[], keyOf: (t: T) => string) => new Map(items.map((t) => [keyOf(t), t]));
  world.groups = byKey(state.resourceGroups, (g) => key(g.subscriptionId, g.name));
  world.registrations = byKey(state.registrations, (r) => key(r.subscriptionId, r.resourceGroup, r.name));
  world.locks = byKey(state.locks, (l) => key(l.scope, l.name));
  world.roleDefinitions = byKey(state.roleDefinitions, (d) => d.name);
  world.roleAssignments = byKey(state.roleAssignments, (a) => key(a.scope, a.name));
  for (const [sub, p] of Object.entries(state.providers)) world.providers.set(sub, { state: p, pollsLeft: 0 });
  world.etagSequence = state.etagSequence;
};

export const requireSubscription = (world: World, subscriptionId: string): PracticeSubscription => {
  const sub = world.subscriptions.get(subscriptionId.toLowerCase());
  if (!sub) throw subscriptionNotFound(subscriptionId);
  return sub;
};

/** Writes to a disabled subscription fail the way ARM fails them. */
export const requireWritable = (world: World, subscriptionId: string): PracticeSubscription => {
  const sub = requireSubscription(world, subscriptionId);
  if (sub.state === 'Disabled' || sub.state === 'Deleted') {
    throw new ArmError(
      409,
      'ReadOnlyDisabledSubscription',
      `The subscription '${sub.subscriptionId}' is disabled and therefore marked as read only. ` +
        'You cannot perform any write actions on this subscription until it is re-enabled.',
    );
  }
  return sub;
};

export const requireGroup = (world: World, subscriptionId: string, rg: string): ResourceGroup => {
  requireSubscription(world, subscriptionId);
  const group = world.groups.get(key(subscriptionId, rg));
  if (!group) throw resourceGroupNotFound(rg);
  return group;
};

export const subscriptionScope = (sub: string): string => `/subscriptions/${sub}`;
export const groupId = (sub: string, rg: string): string => `/subscriptions/${sub}/resourceGroups/${rg}`;
export const registrationId = (r: Pick<Registration, 'subscriptionId' | 'resourceGroup' | 'name'>): string =>
  `${groupId(r.subscriptionId, r.resourceGroup)}/providers/Microsoft.AzureStack/registrations/${r.name}`;

/** Cosmos-style etag as ARM's registration RP returns it: `0e00ab2b-0000-0000-0000-5a82517f0000`. */
export const nextEtag = (world: World, now: Date): string => {
  world.etagSequence += 1;
  const seq = ((0x0e000000 + world.etagSequence * 0x2b) >>> 0).toString(16).padStart(8, '0');
  const seconds = Math.floor(now.getTime() / 1000).toString(16).padStart(8, '0');
  return `${seq}-0000-0000-0000-${seconds}0000`;
};
