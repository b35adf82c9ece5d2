// Microsoft.Authorization/locks (api-version 2020-05-01) at subscription, resource-group and resource scope.
import { ArmError, invalidRequestContent } from './arm-error';
import { param, type Route } from './router';
import { fadeLock, isWithinScope, resolveScope } from './scope';
import { key, requireWritable, type Lock, type World } from './world';

const LEVELS = ['CanNotDelete', 'ReadOnly'] as const;

const lockBody = (lock: Lock) => ({
  properties: {
    level: lock.level,
    ...(lock.notes === undefined ? {} : { notes: lock.notes }),
    ...(lock.owners === undefined ? {} : { owners: lock.owners }),
  },
  id: `${lock.scope}/providers/Microsoft.Authorization/locks/${lock.name}`,
  type: 'Microsoft.Authorization/locks',
  name: lock.name,
});

const parseLock = (body: unknown): Pick<Lock, 'level' | 'notes' | 'owners'> => {
  const properties = (body as { properties?: unknown } | null)?.properties;
  if (typeof properties !== 'object' || properties === null) throw invalidRequestContent('properties is required');
  const { level, notes, owners } = properties as { level?: unknown; notes?: unknown; owners?: unknown };
  const known = LEVELS.find((l) => typeof level === 'string' && l.toLowerCase() === level.toLowerCase());
  if (!known) {
    throw new ArmError(
      400,
      'LockLevelInvalid',
      `The lock level '${String(level)}' is not valid. Valid lock levels are 'CanNotDelete' and 'ReadOnly'.`,
    );
  }
  if (notes !== undefined && (typeof notes !== 'string' || notes.length > 512)) {
    throw invalidRequestContent('notes must be a string of at most 512 characters');
  }
  return { level: known, notes, owners: Array.isArray(owners) ? owners : undefined };
};

const LOCK = '*scope/providers/Microsoft.Authorization/locks/:lock';

export const lockRoutes = (world: World): Route[] => [
  {
    id: 'locks.put',
    method: 'PUT',
    pattern: LOCK,
    api: 'locks',
    action: 'Microsoft.Authorization/locks/write',
    handle: (ctx) => {
      const scope = resolveScope(world, param(ctx, 'scope'));
      requireWritable(world, scope.subscriptionId);
      const name = param(ctx, 'lock');
      const k = key(scope.id, name);
      const existing = world.locks.get(k);
      const lock: Lock = { scope: scope.id, name: existing?.name ?? name, ...parseLock(ctx.body) };
      world.locks.set(k, lock);
      return { status: existing ? 200 : 201, body: lockBody(lock) };
    },
  },
  {
    id: 'locks.get',
    method: 'GET',
    pattern: LOCK,
    api: 'locks',
    action: 'Microsoft.Authorization/locks/read',
    handle: (ctx) => {
      const scope = resolveScope(world, param(ctx, 'scope'));
      const lock = world.locks.get(key(scope.id, param(ctx, 'lock')));
      if (!lock) throw new ArmError(404, 'LockNotFound', `The lock '${param(ctx, 'lock')}' could not be found.`);
      return { status: 200, body: lockBody(lock) };
    },
  },
  {
    id: 'locks.delete',
    method: 'DELETE',
    pattern: LOCK,
    api: 'locks',
    action: 'Microsoft.Authorization/locks/delete',
    handle: (ctx) => {
      const scope = resolveScope(world, param(ctx, 'scope'));
      requireWritable(world, scope.subscriptionId);
      const k = key(scope.id, param(ctx, 'lock'));
      const lock = world.locks.get(k);
      if (!lock) return { status: 204 };
      world.locks.delete(k);
      fadeLock(world, lock);
      return { status: 200 };
    },
  },
  {
    id: 'locks.list',
    method: 'GET',
    pattern: '*scope/providers/Microsoft.Authorization/locks',
    api: 'locks',
    action: 'Microsoft.Authorization/locks/read',
    handle: (ctx) => {
      const scope = resolveScope(world, param(ctx, 'scope'));
      // Locks that apply here (at or above the scope); without atScope() also those below it.
      const atScopeOnly = /atScope\(\)/i.test(ctx.query.get('$filter') ?? '');
      const value = [...world.locks.values()]
        .filter((l) => isWithinScope(scope.id, l.scope) || (!atScopeOnly && isWithinScope(l.scope, scope.id)))
        .map(lockBody);
      return { status: 200, body: { value } };
    },
  },
];
