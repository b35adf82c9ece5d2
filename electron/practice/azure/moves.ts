// Moving registrations between resource groups (and, for CSP subscriptions of one partner, between
// subscriptions): validateMoveResources / moveResources, both long-running (contract §2.12).
import { ArmError, invalidRequestContent, missingSubscriptionRegistration, resourceGroupNotFound, resourceNotFound } from './arm-error';
import type { Operations } from './operations';
import { param, type Route, type RouteContext } from './router';
import { assertMovable, isWithinScope } from './scope';
import { groupId, key, registrationId, requireGroup, requireWritable, type Registration, type World } from './world';

type MoveRequest = { resources: string[]; targetResourceGroup: string };
type Plan = { moves: Registration[]; target: { subscriptionId: string; resourceGroup: string } };

const REGISTRATION_ID = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.AzureStack\/registrations\/([^/]+)$/i;
const GROUP_ID = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)$/i;

const badMove = (message: string): ArmError => new ArmError(400, 'InvalidResourceMoveRequest', message);

const parseRequest = (body: unknown): MoveRequest => {
  const { resources, targetResourceGroup } = (body ?? {}) as Partial<Record<keyof MoveRequest, unknown>>;
  if (!Array.isArray(resources) || resources.length === 0 || !resources.every((r) => typeof r === 'string')) {
    throw invalidRequestContent('resources must be a non-empty array of resource ids');
  }
  if (typeof targetResourceGroup !== 'string') throw invalidRequestContent('targetResourceGroup is required');
  return { resources: resources as string[], targetResourceGroup };
};

const isCsp = (world: World, subscriptionId: string): boolean =>
  world.subscriptions.get(subscriptionId.toLowerCase())?.quotaId.startsWith('CSP_') === true;

export const moveRoutes = (world: World, operations: Operations): Route[] => {
  const plan = (sourceSub: string, sourceRg: string, request: MoveRequest): Plan => {
    const source = requireGroup(world, requireWritable(world, sourceSub).subscriptionId, sourceRg);
    const [, targetSub = '', targetRg = ''] = GROUP_ID.exec(request.targetResourceGroup) ?? [];
    if (!targetSub) throw badMove(`The target resource group '${request.targetResourceGroup}' is not a valid resource group id.`);
    const targetSubscription = requireWritable(world, targetSub);
    const target = world.groups.get(key(targetSubscription.subscriptionId, targetRg));
    if (!target) throw resourceGroupNotFound(targetRg);
    const crossSubscription = targetSubscription.subscriptionId !== source.subscriptionId;
    if (crossSubscription) {
      if (!world.settings.cspSharedPartner || !isCsp(world, source.subscriptionId) || !isCsp(world, targetSubscription.subscriptionId)) {
        throw new ArmError(
          400,
          'ResourceMoveNotSupported',
          `Resources of type 'Microsoft.AzureStack/registrations' can move from subscription '${source.subscriptionId}' ` +
            `to '${targetSubscription.subscriptionId}' only between CSP subscriptions of the same partner.`,
        );
      }
      if (world.providers.get(targetSubscription.subscriptionId.toLowerCase())?.state !== 'Registered') {
        throw missingSubscriptionRegistration();
      }
    } else if (target.name.toLowerCase() === source.name.toLowerCase()) {
      throw badMove('The source and target resource groups are the same.');
    }
    const moves = request.resources.map((id) => {
      const [, sub = '', rg = '', name = ''] = REGISTRATION_ID.exec(id) ?? [];
      if (!sub) throw badMove(`The resource '${id}' cannot be moved: only Microsoft.AzureStack/registrations exist here.`);
      if (!isWithinScope(id, groupId(source.subscriptionId, source.name))) {
        throw badMove(`The resource '${id}' is not in the source resource group '${source.name}'.`);
      }
      const registration = world.registrations.get(key(sub, rg, name));
      if (!registration) throw resourceNotFound('Microsoft.AzureStack/registrations', name, source.name);
      if (world.registrations.has(key(targetSubscription.subscriptionId, target.name, registration.name))) {
        throw new ArmError(409, 'ResourceExistsInTargetResourceGroup', `The resource '${registration.name}' already exists in resource group '${target.name}'.`);
      }
      assertMovable(world, registrationId(registration), groupId(source.subscriptionId, source.name), groupId(targetSubscription.subscriptionId, target.name));
      return registration;
    });
    return { moves, target: { subscriptionId: targetSubscription.subscriptionId, resourceGroup: target.name } };
  };

  const perform = ({ moves, target }: Plan): void => {
    for (const r of moves) {
      const oldId = registrationId(r);
      world.registrations.delete(key(r.subscriptionId, r.resourceGroup, r.name));
      const moved = { ...r, ...target };
      const movedKey = key(moved.subscriptionId, moved.resourceGroup, moved.name);
      world.registrations.set(movedKey, moved);
      if (world.settings.movedNotFoundReads > 0) world.movedUnseen.set(movedKey, world.settings.movedNotFoundReads);
      // Role assignments do not follow a moved resource.
      for (const [k, a] of world.roleAssignments) if (isWithinScope(a.scope, oldId)) world.roleAssignments.delete(k);
    }
  };

  const start = (ctx: RouteContext, move: boolean) => {
    const sub = param(ctx, 'sub');
    const rg = param(ctx, 'rg');
    const request = parseRequest(ctx.body);
    if (!move) {
      // Validation answers through the operation: 204 when the move would succeed, else the error.
      return operations.start(requireWritable(world, sub).subscriptionId, ctx.apiVersion, () => {
        plan(sub, rg, request);
        return { status: 204 };
      });
    }
    plan(sub, rg, request);
    return operations.start(
      requireWritable(world, sub).subscriptionId,
      ctx.apiVersion,
      () => {
        perform(plan(sub, rg, request));
        return { status: 204 };
      },
      world.settings.moveOperationPolls ?? world.settings.operationPolls,
    );
  };

  return [
    {
      id: 'moves.validate',
      method: 'POST',
      pattern: '/subscriptions/:sub/resourcegroups/:rg/validateMoveResources',
      api: 'resources',
      action: 'Microsoft.Resources/subscriptions/resourceGroups/validateMoveResources/action',
      handle: (ctx) => start(ctx, false),
    },
    {
      id: 'moves.move',
      method: 'POST',
      pattern: '/subscriptions/:sub/resourcegroups/:rg/moveResources',
      api: 'resources',
      action: 'Microsoft.Resources/subscriptions/resourceGroups/moveResources/action',
      handle: (ctx) => start(ctx, true),
    },
  ];
};
