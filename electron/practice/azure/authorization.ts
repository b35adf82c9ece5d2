// Microsoft.Authorization (api-version 2022-04-01): the practice identity's permissions, custom role
// definitions and role assignments.
import { ArmError, invalidRequestContent } from './arm-error';
import { PERMISSION_SETS } from './permissions';
import { param, type Route, type RouteContext } from './router';
import { isWithinScope, resolveScope } from './scope';
import { PRACTICE_OBJECT_ID, PRACTICE_TENANT_ID } from './seed';
import type { Clock } from './types';
import { key, requireWritable, type RoleDefinition, type World } from './world';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PROVIDER = 'providers/Microsoft.Authorization';

/** Built-in "Azure Stack Registration Owner" (contract §2.7). */
const REGISTRATION_OWNER_ROLE_ID = '6f12a6df-dd06-4f3e-bcb1-ce8be600526a';

const builtinOwnerRole = (): RoleDefinition => ({
  scope: '',
  name: REGISTRATION_OWNER_ROLE_ID,
  properties: {
    roleName: 'Azure Stack Registration Owner',
    type: 'BuiltInRole',
    description: 'Lets you manage Azure Stack registrations.',
    assignableScopes: ['/'],
    permissions: [{ ...PERMISSION_SETS['registration-owner-builtin'], dataActions: [], notDataActions: [] }],
  },
});

const definitionBody = (d: RoleDefinition, scope: string) => ({
  id: `${scope}/${PROVIDER}/roleDefinitions/${d.name}`,
  type: 'Microsoft.Authorization/roleDefinitions',
  name: d.name,
  properties: d.properties,
});

const strings = (value: unknown, what: string): string[] => {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw invalidRequestContent(`${what} must be an array of strings`);
  return value as string[];
};

const requireGuid = (value: string, code: string, what: string): void => {
  if (!GUID.test(value)) throw new ArmError(400, code, `The ${what} ID '${value}' is not valid. The ${what} ID must be a GUID.`);
};

const findDefinition = (world: World, id: string): RoleDefinition | undefined =>
  id.toLowerCase() === REGISTRATION_OWNER_ROLE_ID ? builtinOwnerRole() : world.roleDefinitions.get(id.toLowerCase());

type Grant = { actions: string[]; notActions: string[] };

/**
 * What the practice identity may do at a path: its profile (the roles it came with) plus every role
 * assigned to it at that path or above, as ARM evaluates RBAC. A role created and assigned by the app
 * (Create role) therefore really grants its actions.
 */
export const grantsAt = (world: World, path: string): Grant[] => {
  const assigned = [...world.roleAssignments.values()]
    .filter((a) => String(a.properties.principalId).toLowerCase() === PRACTICE_OBJECT_ID && isWithinScope(path, a.scope))
    .map((a) => findDefinition(world, String(a.properties.roleDefinitionId).split('/').pop() ?? ''))
    .flatMap((d) => (d?.properties.permissions as Grant[] | undefined) ?? []);
  return [PERMISSION_SETS[world.permissions], ...assigned];
};

export const authorizationRoutes = (world: World, deps: { clock: Clock }): Route[] => {
  const findDefinitionHere = (id: string): RoleDefinition | undefined => findDefinition(world, id);

  const putDefinition = (ctx: RouteContext) => {
    const scope = resolveScope(world, param(ctx, 'scope'));
    requireWritable(world, scope.subscriptionId);
    const id = param(ctx, 'id');
    requireGuid(id, 'InvalidRoleDefinitionId', 'role definition');
    const p = (ctx.body as { properties?: Record<string, unknown> } | null)?.properties;
    if (!p || typeof p.roleName !== 'string' || p.roleName === '') throw invalidRequestContent('properties.roleName is required');
    const permissions = Array.isArray(p.permissions) ? (p.permissions as Record<string, unknown>[]) : [];
    if (permissions.length === 0) throw invalidRequestContent('properties.permissions is required');
    const assignableScopes = strings(p.assignableScopes, 'properties.assignableScopes');
    if (assignableScopes.length === 0) throw invalidRequestContent('properties.assignableScopes must not be empty');
    // Every assignable scope must exist (a '<SubscriptionID>' placeholder left in does not); several
    // subscriptions may share one definition.
    for (const s of assignableScopes) resolveScope(world, s);
    const roleName = p.roleName;
    const clash = [...world.roleDefinitions.values()].find(
      (d) => d.name !== id.toLowerCase() && String(d.properties.roleName).toLowerCase() === roleName.toLowerCase(),
    );
    if (clash) {
      throw new ArmError(409, 'RoleDefinitionWithSameNameExists', 'A custom role with the same name already exists in this directory. Use a different name.');
    }
    const existing = world.roleDefinitions.get(id.toLowerCase());
    const now = deps.clock.now().toISOString();
    const definition: RoleDefinition = {
      scope: scope.id,
      name: id.toLowerCase(),
      properties: {
        roleName,
        type: 'CustomRole',
        description: typeof p.description === 'string' ? p.description : '',
        assignableScopes,
        permissions: permissions.map((x) => ({
          actions: strings(x.actions ?? [], 'actions'),
          notActions: strings(x.notActions ?? [], 'notActions'),
          dataActions: strings(x.dataActions ?? [], 'dataActions'),
          notDataActions: strings(x.notDataActions ?? [], 'notDataActions'),
        })),
        createdOn: existing?.properties.createdOn ?? now,
        updatedOn: now,
        createdBy: existing?.properties.createdBy ?? PRACTICE_OBJECT_ID,
        updatedBy: PRACTICE_OBJECT_ID,
      },
    };
    world.roleDefinitions.set(definition.name, definition);
    return { status: existing ? 200 : 201, body: definitionBody(definition, scope.id) };
  };

  const assignmentBody = (scope: string, name: string, properties: Record<string, unknown>) => ({
    id: `${scope}/${PROVIDER}/roleAssignments/${name}`,
    type: 'Microsoft.Authorization/roleAssignments',
    name,
    properties,
  });

  const putAssignment = (ctx: RouteContext) => {
    const scope = resolveScope(world, param(ctx, 'scope'));
    requireWritable(world, scope.subscriptionId);
    const name = param(ctx, 'name');
    requireGuid(name, 'InvalidRoleAssignmentId', 'role assignment');
    const p = (ctx.body as { properties?: Record<string, unknown> } | null)?.properties;
    const roleDefinitionId = p?.roleDefinitionId;
    const principalId = p?.principalId;
    if (typeof roleDefinitionId !== 'string' || typeof principalId !== 'string') {
      throw invalidRequestContent('properties.roleDefinitionId and properties.principalId are required');
    }
    const roleGuid = roleDefinitionId.split('/').pop() ?? '';
    if (!findDefinitionHere(roleGuid)) {
      throw new ArmError(400, 'RoleDefinitionDoesNotExist', `The specified role definition with ID '${roleGuid}' does not exist.`);
    }
    // Entra ID: an unknown principal, or one created moments ago and assigned without principalType
    // (ARM then looks it up in a replica that has not seen it yet), is not found.
    const known = principalId.toLowerCase() === PRACTICE_OBJECT_ID ? 'replicated' : world.principals.get(principalId.toLowerCase());
    if (known === undefined || (known === 'new' && typeof p?.principalType !== 'string')) {
      throw new ArmError(
        400,
        'PrincipalNotFound',
        `Principal ${principalId.replaceAll('-', '')} does not exist in the directory ${PRACTICE_TENANT_ID}. Check that you have the correct principal ID. If you are creating this principal and then immediately assigning a role, this error might be related to a replication delay. In this case, set the role assignment principalType property to a value, such as ServicePrincipal, User, or Group.  See https://aka.ms/docs-principaltype`,
      );
    }
    const duplicate = [...world.roleAssignments.values()].some(
      (a) =>
        a.scope.toLowerCase() === scope.id.toLowerCase() &&
        String(a.properties.principalId).toLowerCase() === principalId.toLowerCase() &&
        String(a.properties.roleDefinitionId).split('/').pop()?.toLowerCase() === roleGuid.toLowerCase(),
    );
    if (duplicate) throw new ArmError(409, 'RoleAssignmentExists', 'The role assignment already exists.');
    const now = deps.clock.now().toISOString();
    const properties = {
      roleDefinitionId,
      principalId,
      principalType: typeof p?.principalType === 'string' ? p.principalType : 'User',
      scope: scope.id,
      condition: null,
      conditionVersion: null,
      createdOn: now,
      updatedOn: now,
      createdBy: PRACTICE_OBJECT_ID,
      updatedBy: PRACTICE_OBJECT_ID,
      delegatedManagedIdentityResourceId: null,
      description: null,
    };
    world.roleAssignments.set(key(scope.id, name), { scope: scope.id, name, properties });
    return { status: 201, body: assignmentBody(scope.id, name, properties) };
  };

  const listAssignments = (ctx: RouteContext) => {
    const scope = resolveScope(world, param(ctx, 'scope'));
    const filter = ctx.query.get('$filter') ?? '';
    const principal = /principalId\s+eq\s+'([^']+)'/i.exec(filter)?.[1]?.toLowerCase();
    const value = [...world.roleAssignments.values()]
      .filter((a) => isWithinScope(scope.id, a.scope) || (!/atScope\(\)/i.test(filter) && isWithinScope(a.scope, scope.id)))
      .filter((a) => principal === undefined || String(a.properties.principalId).toLowerCase() === principal)
      .map((a) => assignmentBody(a.scope, a.name, a.properties));
    return { status: 200, body: { value } };
  };

  const api = 'authorization' as const;
  return [
    {
      id: 'authorization.permissions',
      method: 'GET',
      pattern: `*scope/${PROVIDER}/permissions`,
      api,
      handle: (ctx) => {
        const scope = resolveScope(world, param(ctx, 'scope'));
        const value = grantsAt(world, scope.id).map((g) => ({ actions: g.actions, notActions: g.notActions, dataActions: [], notDataActions: [] }));
        return { status: 200, body: { value } };
      },
    },
    {
      id: 'authorization.roleDefinitions.put',
      method: 'PUT',
      pattern: `*scope/${PROVIDER}/roleDefinitions/:id`,
      api,
      action: 'Microsoft.Authorization/roleDefinitions/write',
      handle: putDefinition,
    },
    {
      id: 'authorization.roleDefinitions.get',
      method: 'GET',
      pattern: `*scope/${PROVIDER}/roleDefinitions/:id`,
      api,
      handle: (ctx) => {
        const scope = resolveScope(world, param(ctx, 'scope'));
        const definition = findDefinitionHere(param(ctx, 'id'));
        if (!definition) {
          throw new ArmError(404, 'RoleDefinitionDoesNotExist', `The specified role definition with ID '${param(ctx, 'id')}' does not exist.`);
        }
        return { status: 200, body: definitionBody(definition, scope.id) };
      },
    },
    {
      id: 'authorization.roleAssignments.put',
      method: 'PUT',
      pattern: `*scope/${PROVIDER}/roleAssignments/:name`,
      api,
      action: 'Microsoft.Authorization/roleAssignments/write',
      handle: putAssignment,
    },
    {
      id: 'authorization.roleAssignments.list',
      method: 'GET',
      pattern: `*scope/${PROVIDER}/roleAssignments`,
      api,
      action: 'Microsoft.Authorization/roleAssignments/read',
      handle: listAssignments,
    },
  ];
};
