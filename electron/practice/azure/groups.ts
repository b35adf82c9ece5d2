// Microsoft.Resources resource groups: case-insensitive names, 201 vs 200, location rules, locked deletes.
import { ArmError, invalidRequestContent, resourceGroupNotFound } from './arm-error';
import type { Operations } from './operations';
import { param, type Route } from './router';
import { assertUnlocked, forgetLocksUnder } from './scope';
import { locationNames } from './subscriptions';
import { groupId, key, requireSubscription, requireWritable, type ResourceGroup, type World } from './world';

const NAME = /^[-\w._()]{1,90}$/u;

const groupBody = (g: ResourceGroup) => ({
  id: groupId(g.subscriptionId, g.name),
  name: g.name,
  type: 'Microsoft.Resources/resourceGroups',
  location: g.location,
  ...(g.tags === undefined ? {} : { tags: g.tags }),
  properties: { provisioningState: 'Succeeded' },
});

const parseGroup = (body: unknown): { location: string; tags?: Record<string, string> } => {
  const { location, tags } = (body ?? {}) as { location?: unknown; tags?: unknown };
  if (typeof location !== 'string' || location === '') {
    throw new ArmError(400, 'LocationRequired', 'The location property is required for this definition.');
  }
  if (tags !== undefined && (typeof tags !== 'object' || tags === null)) throw invalidRequestContent('tags must be an object');
  return { location, tags: tags as Record<string, string> | undefined };
};

/** ARM accepts display names and any casing ("West Central US"), and stores the canonical name. */
const canonicalLocation = (location: string): string | undefined => {
  const wanted = location.replace(/\s+/g, '').toLowerCase();
  return locationNames().find((n) => n === wanted);
};

const GROUP = '/subscriptions/:sub/resourcegroups/:rg';

export const groupRoutes = (world: World, operations: Operations): Route[] => {
  const find = (sub: string, rg: string): ResourceGroup | undefined => {
    requireSubscription(world, sub);
    return world.groups.get(key(sub, rg));
  };
  return [
    {
      id: 'groups.list',
      method: 'GET',
      pattern: '/subscriptions/:sub/resourcegroups',
      api: 'resources',
      action: 'Microsoft.Resources/subscriptions/resourceGroups/read',
      handle: (ctx) => {
        const sub = requireSubscription(world, param(ctx, 'sub')).subscriptionId;
        const value = [...world.groups.values()].filter((g) => g.subscriptionId.toLowerCase() === sub.toLowerCase()).map(groupBody);
        return { status: 200, body: { value } };
      },
    },
    {
      id: 'groups.get',
      method: 'GET',
      pattern: GROUP,
      api: 'resources',
      action: 'Microsoft.Resources/subscriptions/resourceGroups/read',
      handle: (ctx) => {
        const group = find(param(ctx, 'sub'), param(ctx, 'rg'));
        if (!group) throw resourceGroupNotFound(param(ctx, 'rg'));
        return { status: 200, body: groupBody(group) };
      },
    },
    {
      id: 'groups.head',
      method: 'HEAD',
      pattern: GROUP,
      api: 'resources',
      action: 'Microsoft.Resources/subscriptions/resourceGroups/read',
      handle: (ctx) => ({ status: find(param(ctx, 'sub'), param(ctx, 'rg')) ? 204 : 404 }),
    },
    {
      id: 'groups.put',
      method: 'PUT',
      pattern: GROUP,
      api: 'resources',
      action: 'Microsoft.Resources/subscriptions/resourceGroups/write',
      handle: (ctx) => {
        const sub = requireWritable(world, param(ctx, 'sub')).subscriptionId;
        const rg = param(ctx, 'rg');
        if (!NAME.test(rg) || rg.endsWith('.')) {
          throw new ArmError(
            400,
            'InvalidResourceGroupName',
            `The resource group name '${rg}' is invalid. It can be at most 90 characters and use letters, digits, ` +
              "'.', '_', '-', '(' and ')', and cannot end with '.'.",
          );
        }
        const input = parseGroup(ctx.body);
        const location = canonicalLocation(input.location);
        if (!location) {
          throw new ArmError(
            400,
            'LocationNotAvailableForResourceGroup',
            `The provided location '${input.location}' is not available for resource group. ` +
              `List of available regions is '${locationNames().join(',')}'.`,
          );
        }
        const existing = world.groups.get(key(sub, rg));
        if (existing && existing.location !== location) {
          throw new ArmError(
            409,
            'InvalidResourceGroupLocation',
            `Invalid resource group location '${input.location}'. ` +
              `The Resource group already exists in location '${existing.location}'.`,
          );
        }
        if (existing) assertUnlocked(world, groupId(sub, existing.name), 'write');
        const group: ResourceGroup = { subscriptionId: sub, name: existing?.name ?? rg, location, tags: input.tags };
        world.groups.set(key(sub, rg), group);
        return { status: existing ? 200 : 201, body: groupBody(group) };
      },
    },
    {
      id: 'groups.delete',
      method: 'DELETE',
      pattern: GROUP,
      api: 'resources',
      action: 'Microsoft.Resources/subscriptions/resourceGroups/delete',
      handle: (ctx) => {
        const sub = requireWritable(world, param(ctx, 'sub')).subscriptionId;
        const group = world.groups.get(key(sub, param(ctx, 'rg')));
        if (!group) throw resourceGroupNotFound(param(ctx, 'rg'));
        const id = groupId(sub, group.name);
        assertUnlocked(world, id, 'delete', true);
        // Gone at once for every reader; the operation only reports completion.
        world.groups.delete(key(sub, group.name));
        for (const [k, r] of world.registrations) {
          if (r.subscriptionId === sub && r.resourceGroup.toLowerCase() === group.name.toLowerCase()) world.registrations.delete(k);
        }
        forgetLocksUnder(world, id);
        return operations.start(sub, ctx.apiVersion, () => ({ status: 200 }));
      },
    },
  ];
};
