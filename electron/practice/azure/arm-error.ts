// ARM's error envelope. These are wire-level answers of the practice server, not app problems:
// they only ever travel back to the client as HTTP responses.

type ArmErrorDetail = { code: string; message: string; target?: string };

export class ArmError extends Error {
  readonly status: number;
  readonly code: string;
  readonly target?: string;
  readonly details?: ArmErrorDetail[];
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    code: string,
    message: string,
    extra: { target?: string; details?: ArmErrorDetail[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'ArmError';
    this.status = status;
    this.code = code;
    this.target = extra.target;
    this.details = extra.details;
    this.headers = extra.headers ?? {};
  }

  toBody(): { error: { code: string; message: string; target?: string; details?: ArmErrorDetail[] } } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.target === undefined ? {} : { target: this.target }),
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

const notFound = (code: string, message: string): ArmError => new ArmError(404, code, message);

export const resourceGroupNotFound = (rg: string): ArmError =>
  notFound('ResourceGroupNotFound', `Resource group '${rg}' could not be found.`);

export const subscriptionNotFound = (sub: string): ArmError =>
  notFound('SubscriptionNotFound', `The subscription '${sub}' could not be found.`);

export const resourceNotFound = (type: string, name: string, rg: string): ArmError =>
  notFound(
    'ResourceNotFound',
    `The Resource '${type}/${name}' under resource group '${rg}' was not found. ` +
      'For more details please go to https://aka.ms/ARMResourceNotFoundFix',
  );

const missingRegistrationMessage = (ns: string): string =>
  `The subscription is not registered to use namespace '${ns}'. ` +
  'See https://aka.ms/rps-not-found for how to register subscriptions.';

export const missingSubscriptionRegistration = (ns = 'Microsoft.AzureStack'): ArmError =>
  new ArmError(409, 'MissingSubscriptionRegistration', missingRegistrationMessage(ns), {
    details: [{ code: 'MissingSubscriptionRegistration', target: ns, message: missingRegistrationMessage(ns) }],
  });

export const throttled = (retryAfterSeconds: number): ArmError =>
  new ArmError(
    429,
    'SubscriptionRequestsThrottled',
    'Number of requests for subscription exceeded the limit. ' +
      `Please try again after '${retryAfterSeconds}' seconds.`,
    { headers: { 'retry-after': String(retryAfterSeconds) } },
  );

export const authorizationFailed = (username: string, objectId: string, action: string, scope: string): ArmError =>
  new ArmError(
    403,
    'AuthorizationFailed',
    `The client '${username}' with object id '${objectId}' does not have authorization to perform action ` +
      `'${action}' over scope '${scope}' or the scope is invalid. ` +
      'If access was recently granted, please refresh your credentials.',
  );

export const scopeLocked = (scope: string, operation: 'write' | 'delete', locked: string[]): ArmError =>
  new ArmError(
    409,
    'ScopeLocked',
    `The scope '${scope}' cannot perform ${operation} operation because following scope(s) are locked: ` +
      `'${locked.join(',')}'. Please remove the lock and try again.`,
  );

export const invalidRequestContent = (why: string): ArmError =>
  new ArmError(400, 'InvalidRequestContent', `The request content was invalid and could not be deserialized: '${why}'.`);

/** Azure Policy denial as ARM words it (403 RequestDisallowedByPolicy), naming the assignment. */
export const requestDisallowedByPolicy = (resourcePath: string, assignment: { name: string; subscriptionId: string }): ArmError => {
  const resource = resourcePath.split('/').filter(Boolean).pop() ?? resourcePath;
  const identifiers = JSON.stringify([
    {
      policyAssignment: {
        name: assignment.name,
        id: `/subscriptions/${assignment.subscriptionId}/providers/Microsoft.Authorization/policyAssignments/${assignment.name.replace(/\W+/g, '-').toLowerCase()}`,
      },
      policyDefinition: { name: assignment.name, id: '/providers/Microsoft.Authorization/policyDefinitions/96670d01-0a4d-4649-9c89-2d3abc0a5025' },
    },
  ]);
  return new ArmError(403, 'RequestDisallowedByPolicy', `Resource '${resource}' was disallowed by policy. Policy identifiers: '${identifiers}'.`);
};

/** The subscription now belongs to another directory than the token's (a directory change). */
export const wrongTenant = (tokenTenant: string, subscriptionTenant: string): ArmError =>
  new ArmError(
    401,
    'InvalidAuthenticationTokenTenant',
    `The access token is from the wrong issuer 'https://sts.windows.net/${tokenTenant}/'. It must match the tenant ` +
      `'https://sts.windows.net/${subscriptionTenant}/' associated with this subscription. Please use the authority (URL) ` +
      `'https://login.windows.net/${subscriptionTenant}' to get the token.`,
  );
