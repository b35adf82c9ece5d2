// Microsoft.AzureStack/registrations: the Azure half of registering a stamp (contract §2.3–§2.5).
import { ArmError, resourceNotFound } from './arm-error';
import type { KeySigner } from './activation-key';
import { decodeRegistrationToken, type DecodedToken } from './registration-token';
import { param, type RouteContext, type Route } from './router';
import { assertUnlocked, forgetLocksUnder } from './scope';
import { PRACTICE_OBJECT_ID, PRACTICE_USERNAME } from './seed';
import type { Clock } from './types';
import {
  groupId,
  key,
  nextEtag,
  registrationId,
  requireGroup,
  requireSubscription,
  requireWritable,
  type Registration,
  type World,
} from './world';

const TYPE = 'Microsoft.AzureStack/registrations';
const ONE = '/subscriptions/:sub/resourcegroups/:rg/providers/Microsoft.AzureStack/registrations/:name';

/** As the RP answers: PUT/PATCH quote the etag, GET and lists do not; lists carry no cloudId. */
const registrationBody = (r: Registration, view: 'write' | 'get' | 'list') => ({
  id: registrationId(r),
  name: r.name,
  type: TYPE,
  location: 'global',
  ...(r.tags === undefined ? {} : { tags: r.tags }),
  etag: view === 'write' ? `"${r.etag}"` : r.etag,
  properties: {
    ...(view === 'list' ? {} : { cloudId: r.cloudId }),
    objectId: r.objectId,
    billingModel: r.billingModel,
  },
});

const parseBody = (body: unknown): { token: DecodedToken; tags?: Record<string, string> } => {
  const { location, properties, tags } = (body ?? {}) as { location?: unknown; properties?: unknown; tags?: unknown };
  if (typeof location !== 'string' || location === '') {
    throw new ArmError(400, 'LocationRequired', 'The location property is required for this definition.');
  }
  if (location.toLowerCase() !== 'global') {
    throw new ArmError(
      400,
      'LocationNotAvailableForResourceType',
      `The provided location '${location}' is not available for resource type '${TYPE}'. ` +
        "List of available regions for the resource type is 'global'.",
    );
  }
  const token = (properties as { registrationToken?: unknown } | undefined)?.registrationToken;
  return {
    token: decodeRegistrationToken(token),
    tags: typeof tags === 'object' && tags !== null ? (tags as Record<string, string>) : undefined,
  };
};

const sameText = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export const registrationRoutes = (
  world: World,
  deps: { clock: Clock; endpoint: () => string; sign: KeySigner },
): Route[] => {
  const find = (ctx: RouteContext): Registration => {
    const group = requireGroup(world, param(ctx, 'sub'), param(ctx, 'rg'));
    const r = world.registrations.get(key(param(ctx, 'sub'), param(ctx, 'rg'), param(ctx, 'name')));
    if (!r) throw resourceNotFound(TYPE, param(ctx, 'name'), group.name);
    return r;
  };

  const write = (ctx: RouteContext, mode: 'put' | 'patch') => {
    const sub = requireWritable(world, param(ctx, 'sub')).subscriptionId;
    const group = requireGroup(world, sub, param(ctx, 'rg'));
    const name = param(ctx, 'name');
    const k = key(sub, group.name, name);
    const existing = world.registrations.get(k);
    if (!existing && mode === 'patch') throw resourceNotFound(TYPE, name, group.name);
    const { token, tags } = parseBody(ctx.body);
    if (existing && !sameText(existing.cloudId, token.cloudId)) {
      throw new ArmError(
        409,
        'CloudIdUpdateNotAllowed',
        `The registration '${existing.name}' is already associated with another Cloud identifier. ` +
          'Changing cloud identifiers is not allowed.',
      );
    }
    // A Capacity registration past its term does not hold its cloud ID: the renewal registers beside it under a new name.
    const other = [...world.registrations.entries()].find(([ok, r]) => ok !== k && !r.expired && sameText(r.cloudId, token.cloudId));
    if (other) {
      throw new ArmError(
        409,
        'CloudIdAlreadyRegistered',
        `Cloud identifier [${token.cloudId}] is already registered. Reusing cloud identifiers is not allowed.`,
      );
    }
    if (existing && world.settings.registrationsOwnedByOthers) {
      throw new ArmError(
        403,
        'AuthorizationFailed',
        `The client '${PRACTICE_USERNAME}' with object id '${PRACTICE_OBJECT_ID}' does not have authorization to perform action ` +
          `'Microsoft.AzureStack/registrations/write' over scope '${registrationId(existing)}' or the scope is invalid. ` +
          'If access was recently granted, please refresh your credentials.',
      );
    }
    assertUnlocked(world, existing ? registrationId(existing) : groupId(sub, group.name), 'write');
    // PUT replaces the resource (tags included); PATCH keeps the tags it is not given.
    const newTags = mode === 'patch' ? (tags ?? existing?.tags) : tags;
    const unchanged =
      existing &&
      JSON.stringify(existing.token) === JSON.stringify(token.fields) &&
      JSON.stringify(existing.tags) === JSON.stringify(newTags);
    const registration: Registration = {
      subscriptionId: sub,
      resourceGroup: group.name,
      name: existing?.name ?? name,
      etag: unchanged ? existing.etag : nextEtag(world, deps.clock.now()),
      tags: newTags,
      cloudId: token.cloudId,
      objectId: token.objectId,
      billingModel: token.billingModel,
      token: token.fields,
    };
    world.registrations.set(k, registration);
    return { status: existing ? 200 : 201, body: registrationBody(registration, 'write') };
  };

  const list = (ctx: RouteContext, matches: (r: Registration) => boolean) => {
    const size = world.settings.pageSize;
    const skip = Number(ctx.query.get('$skipToken') ?? '0');
    const all = [...world.registrations.values()].filter(matches);
    const start = Number.isInteger(skip) && skip > 0 ? skip : 0;
    const page = all.slice(start, start + size).map((r) => registrationBody(r, 'list'));
    const more = start + size < all.length;
    const next = `${deps.endpoint()}${ctx.path}?api-version=${ctx.apiVersion}&%24skipToken=${start + size}`;
    return { status: 200, body: more ? { value: page, nextLink: next } : { value: page } };
  };

  const common = { api: 'azurestack', provider: 'Microsoft.AzureStack' } as const;
  return [
    { ...common, id: 'registrations.put', method: 'PUT', pattern: ONE, action: `${TYPE}/write`, handle: (ctx) => write(ctx, 'put') },
    { ...common, id: 'registrations.patch', method: 'PATCH', pattern: ONE, action: `${TYPE}/write`, handle: (ctx) => write(ctx, 'patch') },
    {
      ...common,
      id: 'registrations.get',
      method: 'GET',
      pattern: ONE,
      action: `${TYPE}/read`,
      handle: (ctx) => {
        const found = find(ctx);
        // Just moved: ARM's read cache does not know the new id yet.
        const k = key(found.subscriptionId, found.resourceGroup, found.name);
        const unseen = world.movedUnseen.get(k) ?? 0;
        if (unseen > 0) {
          if (unseen === 1) world.movedUnseen.delete(k);
          else world.movedUnseen.set(k, unseen - 1);
          throw resourceNotFound(TYPE, found.name, found.resourceGroup);
        }
        return { status: 200, body: registrationBody(found, 'get') };
      },
    },
    {
      ...common,
      id: 'registrations.delete',
      method: 'DELETE',
      pattern: ONE,
      action: `${TYPE}/delete`,
      handle: (ctx) => {
        const sub = requireWritable(world, param(ctx, 'sub')).subscriptionId;
        const group = requireGroup(world, sub, param(ctx, 'rg'));
        const k = key(sub, group.name, param(ctx, 'name'));
        const existing = world.registrations.get(k);
        if (!existing) return { status: 204 };
        const id = registrationId(existing);
        assertUnlocked(world, id, 'delete');
        world.registrations.delete(k);
        forgetLocksUnder(world, id);
        return { status: 200 };
      },
    },
    {
      ...common,
      id: 'registrations.getactivationkey',
      method: 'POST',
      pattern: `${ONE}/getactivationkey`,
      action: `${TYPE}/getactivationkey/action`,
      handle: async (ctx) => {
        requireWritable(world, param(ctx, 'sub'));
        return { status: 200, body: { activationKey: await deps.sign(find(ctx)) } };
      },
    },
    {
      ...common,
      id: 'registrations.listByResourceGroup',
      method: 'GET',
      pattern: '/subscriptions/:sub/resourcegroups/:rg/providers/Microsoft.AzureStack/registrations',
      action: `${TYPE}/read`,
      handle: (ctx) => {
        const group = requireGroup(world, param(ctx, 'sub'), param(ctx, 'rg'));
        return list(ctx, (r) => sameText(r.subscriptionId, group.subscriptionId) && sameText(r.resourceGroup, group.name));
      },
    },
    {
      ...common,
      id: 'registrations.listBySubscription',
      method: 'GET',
      pattern: '/subscriptions/:sub/providers/Microsoft.AzureStack/registrations',
      action: `${TYPE}/read`,
      handle: (ctx) => {
        const sub = requireSubscription(world, param(ctx, 'sub')).subscriptionId;
        // Older 2017-06-01 revisions of the RP list only per resource group (contract §2.3).
        if (!world.settings.registrationListBySubscription && ctx.apiVersion === '2017-06-01') {
          throw new ArmError(404, 'InvalidResourceType', `The resource type 'registrations' could not be found in the namespace 'Microsoft.AzureStack' for api version '2017-06-01'.`);
        }
        return list(ctx, (r) => r.subscriptionId === sub);
      },
    },
  ];
};
