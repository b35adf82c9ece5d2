// ARM scopes the practice world knows: a subscription, a resource group, a registration.
import { ArmError, resourceNotFound, scopeLocked } from './arm-error';
import { groupId, key, registrationId, requireGroup, requireSubscription, subscriptionScope, type Lock, type World } from './world';

type Scope = { id: string; subscriptionId: string; resourceGroup?: string; registration?: string };

/** Resolves a scope path to an existing resource, in the casing Azure stored it with. */
export const resolveScope = (world: World, raw: string): Scope => {
  const parts = raw.split('/').filter((p) => p.length > 0);
  const lower = parts.map((p) => p.toLowerCase());
  const [, sub, rgWord, rg, providersWord, ns, type, name] = parts;
  if (lower[0] !== 'subscriptions' || sub === undefined) {
    throw new ArmError(400, 'MissingSubscription', 'The request did not have a subscription or a valid tenant level resource provider.');
  }
  const subscription = requireSubscription(world, sub);
  if (parts.length === 2) return { id: subscriptionScope(subscription.subscriptionId), subscriptionId: subscription.subscriptionId };
  if (rgWord?.toLowerCase() !== 'resourcegroups' || rg === undefined) {
    throw new ArmError(400, 'InvalidScope', `The scope '${raw}' is not valid.`);
  }
  const group = requireGroup(world, sub, rg);
  const base = { subscriptionId: subscription.subscriptionId, resourceGroup: group.name };
  if (parts.length === 4) return { ...base, id: groupId(subscription.subscriptionId, group.name) };
  if (parts.length !== 8 || providersWord?.toLowerCase() !== 'providers' || ns === undefined || type === undefined || name === undefined) {
    throw new ArmError(400, 'InvalidScope', `The scope '${raw}' is not valid.`);
  }
  const registration =
    ns.toLowerCase() === 'microsoft.azurestack' && type.toLowerCase() === 'registrations'
      ? world.registrations.get(key(sub, rg, name))
      : undefined;
  if (!registration) throw resourceNotFound(`${ns}/${type}`, name, group.name);
  return { ...base, registration: registration.name, id: registrationId(registration) };
};

export const isWithinScope = (inner: string, outer: string): boolean => {
  const i = inner.toLowerCase();
  const o = outer.toLowerCase();
  return i === o || i.startsWith(o + '/');
};

/** Locks ARM enforces now: those in place and those whose deletion has not propagated yet. */
const enforcedLocks = (world: World): Lock[] => {
  const now = world.clock.now().getTime();
  world.fadingLocks = world.fadingLocks.filter((f) => f.until > now);
  return [...world.locks.values(), ...world.fadingLocks.map((f) => f.lock)];
};

/** Lock scopes that block `operation` on `target`; `withChildren` also counts locks below it (RG delete, moves). */
const blockingLocks = (world: World, target: string, operation: 'write' | 'delete', withChildren = false): string[] => {
  const scopes = enforcedLocks(world)
    .filter((l) => operation === 'delete' || l.level === 'ReadOnly')
    .filter((l) => isWithinScope(target, l.scope) || (withChildren && isWithinScope(l.scope, target)))
    .map((l) => l.scope);
  return [...new Set(scopes)];
};

export const assertUnlocked = (world: World, target: string, operation: 'write' | 'delete', withChildren = false): void => {
  const blockers = blockingLocks(world, target, operation, withChildren);
  if (blockers.length > 0) throw scopeLocked(target, operation, blockers);
};

/**
 * Microsoft's move rule: a lock on the resource itself blocks its move; on the source or target
 * resource group or subscription only a ReadOnly lock does (a CanNotDelete lock there does not).
 */
export const assertMovable = (world: World, resourceId: string, sourceGroup: string, targetGroup: string): void => {
  const containers = [sourceGroup, targetGroup];
  const blockers = enforcedLocks(world).filter(
    (l) => isWithinScope(l.scope, resourceId) || (l.level === 'ReadOnly' && containers.some((c) => isWithinScope(c, l.scope))),
  );
  if (blockers.length > 0) throw scopeLocked(resourceId, 'delete', [...new Set(blockers.map((l) => l.scope))]);
};

/** A deleted lock keeps being enforced for the propagation delay. */
export const fadeLock = (world: World, lock: Lock): void => {
  const ms = world.settings.lockPropagationSeconds * 1000;
  if (ms > 0) world.fadingLocks.push({ lock, until: world.clock.now().getTime() + ms });
};

/** Drops the locks at or below a scope that no longer exists. */
export const forgetLocksUnder = (world: World, scope: string): void => {
  for (const [k, lock] of world.locks) if (isWithinScope(lock.scope, scope)) world.locks.delete(k);
};

