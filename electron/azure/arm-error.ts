import { AppError, isAppError, type ProblemCode } from '../../shared/contract/problems';

// What Azure said, in one shape whatever produced it: an SDK RestError, a raw pipeline response,
// a dropped connection or a credential that could not get a token.

type ArmFailure = {
  status?: number;
  code?: string;
  message: string;
  requestId?: string;
  /** Wait Azure asked for, when it asked (429). */
  retryAfterMs?: number;
};

type HeaderBag = { get(name: string): string | undefined };
type ResponseLike = { status: number; headers: HeaderBag; bodyAsText?: string | null };

const armBody = (text: string | null | undefined): { code?: string; message?: string } => {
  if (!text) return {};
  try {
    const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    const e = parsed.error;
    return {
      code: typeof e?.code === 'string' ? e.code : undefined,
      message: typeof e?.message === 'string' ? e.message : undefined,
    };
  } catch {
    return { message: text.slice(0, 500) };
  }
};

export const failureFromResponse = (res: ResponseLike): ArmFailure => {
  const body = armBody(res.bodyAsText);
  const retryAfter = res.headers.get('retry-after')?.trim();
  const retryAfterMs = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : undefined;
  return {
    status: res.status,
    code: body.code,
    message: body.message ?? `HTTP ${res.status}`,
    requestId: res.headers.get('x-ms-request-id'),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  };
};

export const describeFailure = (err: unknown): ArmFailure => {
  if (typeof err !== 'object' || err === null) return { message: String(err) };
  const e = err as { name?: string; message?: string; code?: unknown; statusCode?: unknown; response?: ResponseLike };
  if (e.response && typeof e.response.status === 'number') {
    // Generated clients parse the body and keep only its error code and message on the RestError.
    const f = failureFromResponse(e.response);
    const bodyRead = f.code !== undefined || f.message !== `HTTP ${e.response.status}`;
    return bodyRead ? f : { ...f, ...(typeof e.code === 'string' ? { code: e.code } : {}), message: e.message ?? f.message };
  }
  return {
    status: typeof e.statusCode === 'number' ? e.statusCode : undefined,
    code: typeof e.code === 'string' ? e.code : e.name,
    message: e.message ?? String(err),
  };
};

/** The raw text shown one click away: status, ARM code, message and request id. */
const failureDetail = (f: ArmFailure): string =>
  [
    [f.status === undefined ? undefined : `HTTP ${f.status}`, f.code].filter(Boolean).join(' '),
    f.message,
    f.requestId ? `x-ms-request-id: ${f.requestId}` : undefined,
  ]
    .filter(Boolean)
    .join('\n');

const CREDENTIAL_ERRORS = /^(AuthenticationRequiredError|CredentialUnavailableError|AuthenticationError)$/;
const NETWORK = /^(ECONNRESET|ECONNREFUSED|ECONNABORTED|ETIMEDOUT|EPIPE|EAI_AGAIN|ENOTFOUND|REQUEST_SEND_ERROR|AbortError)$/;

/** The missing action named in an AuthorizationFailed message, e.g. Microsoft.Authorization/locks/write. */
export const deniedAction = (message: string): string | undefined => /perform action '([^']+)'/i.exec(message)?.[1];

/**
 * Policy assignment names from a RequestDisallowedByPolicy message: ARM appends
 * `Policy identifiers: '[{"policyAssignment":{"name":"…","id":"…"},…}]'`; newer ones give `Reasons: '…'`.
 */
export const policyAssignments = (message: string): string[] => {
  const names = new Set<string>();
  for (const m of message.matchAll(/\\?"policyAssignment\\?"\s*:\s*\{\s*\\?"name\\?"\s*:\s*\\?"([^"\\]+)/g)) if (m[1]) names.add(m[1]);
  // Newer answers: "Reasons: 'Require a tag on resource groups'." (the assignment's display name or its message).
  if (names.size === 0) for (const m of message.matchAll(/(?:policy assignment|Reasons:) '([^']+)'/gi)) if (m[1]) names.add(m[1]);
  return [...names];
};

type Mapped = { code: ProblemCode; message: string; action?: string; retryable: boolean };

/** Generic mapping; flows refine the ones they know more about (name conflicts, partial states). */
export const classify = (f: ArmFailure, step: string): Mapped => {
  const code = f.code ?? '';
  if (f.status === 401 || CREDENTIAL_ERRORS.test(code)) {
    return { code: 'azure-credential-expired', message: `Your Azure sign-in expired while ${step}.`, action: 'Sign in to Azure again, then repeat this step.', retryable: false };
  }
  if (f.status === 429) {
    const wait = f.retryAfterMs === undefined ? '' : ` Azure asks to wait ${Math.ceil(f.retryAfterMs / 1000)} s.`;
    return { code: 'azure-throttled', message: `Azure is throttling requests for this subscription and still refused after several waits while ${step}.${wait}`, action: 'Wait a few minutes, then repeat this step. Nothing else is needed.', retryable: true };
  }
  if ((f.status !== undefined && f.status >= 500) || (f.status === undefined && NETWORK.test(code))) {
    return { code: 'azure-unavailable', message: `Azure Resource Manager did not answer properly while ${step}, even after retries.`, action: 'Check the internet connection and https://status.azure.com, then repeat this step.', retryable: true };
  }
  if (code === 'MissingSubscriptionRegistration') {
    return { code: 'azure-provider-unregistered', message: 'The subscription is not registered to use the Microsoft.AzureStack resource provider.', action: 'Register it (Subscriptions > Resource providers > Microsoft.AzureStack > Register, or Register-AzResourceProvider -ProviderNamespace Microsoft.AzureStack), then repeat.', retryable: true };
  }
  if (code === 'InvalidRegistrationToken') {
    return { code: 'azure-invalid-token', message: 'Azure rejected the registration token as malformed: it was altered on the way (truncated, re-encoded, letter case changed).', action: 'Copy the token file again from the stamp as one ASCII line, or generate a new token.', retryable: false };
  }
  if (code === 'CloudIdUpdateNotAllowed') {
    return { code: 'azure-name-conflict', message: 'This registration name is already used by another stamp (another cloud ID). Azure does not allow changing it.', action: 'Pick a unique name, e.g. AzureStack-<CloudID>.', retryable: false };
  }
  if (/cloud identifier .* is already registered/i.test(f.message)) {
    return { code: 'azure-cloud-already-registered', message: 'This stamp (cloud ID) is already registered in Azure under another registration name.', action: 'Renew or change the existing registration with its name and resource group (admin portal: Region management > Properties), or remove it first.', retryable: false };
  }
  if (code === 'RequestDisallowedByPolicy') {
    const names = policyAssignments(f.message);
    const which = names.length > 0 ? `policy assignment ${names.map((n) => `"${n}"`).join(', ')}` : 'an Azure Policy assignment';
    return {
      code: 'azure-policy-denied',
      message: `Azure Policy refused this while ${step}: ${which} disallows it (RequestDisallowedByPolicy). Your permissions are not the problem.`,
      action: 'Read the policy named in the details (Azure portal > Policy > Assignments): meet it (for example the required tags or an allowed location), use a resource group or location it allows, or ask its owner for an exemption; then repeat.',
      retryable: false,
    };
  }
  if (code === 'ReadOnlyDisabledSubscription' || code === 'SubscriptionNotEnabled' || code === 'DisabledSubscription') {
    return { code: 'azure-subscription-disabled', message: `The subscription is disabled, so Azure refuses any change while ${step} (${code}).`, action: 'Choose an enabled subscription, or have its account administrator re-enable it (billing), then repeat.', retryable: false };
  }
  if (code === 'ScopeLocked') {
    return { code: 'azure-scope-locked', message: `A lock blocks ${step}.`, action: 'Remove the lock named in the details (or ask its owner to), then repeat.', retryable: false };
  }
  if (f.status === 403) {
    const action = deniedAction(f.message);
    return { code: 'azure-forbidden', message: `Your account is not allowed to do this while ${step}${action ? `: it lacks ${action}` : ''}.`, action: 'Ask a subscription Owner to grant the Azure Stack Hub registration role (Check permissions shows what is missing), then sign in again.', retryable: false };
  }
  if (f.status === 404) {
    return { code: 'azure-not-found', message: `Azure found nothing there while ${step}.`, retryable: false };
  }
  return { code: 'azure-failed', message: `Azure refused the request while ${step}.`, action: 'Read the Azure message in the details; fix what it names, then repeat.', retryable: false };
};

const isAbort = (err: unknown): boolean =>
  typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'AbortError';

/** Any failure of an Azure call as an AppError; `signal` tells a cancel from a dropped connection. */
export const toAppError = (err: unknown, step: string, signal?: AbortSignal): AppError => {
  if (isAppError(err)) return err;
  if (isAbort(err) && signal?.aborted) return new AppError('cancelled', `Cancelled while ${step}.`, { retryable: true });
  const f = describeFailure(err);
  return failureError(f, step);
};

export const failureError = (f: ArmFailure, step: string, override: Partial<Mapped> = {}): AppError => {
  const m = { ...classify(f, step), ...override };
  return new AppError(m.code, m.message, {
    retryable: m.retryable,
    detail: failureDetail(f),
    ...(m.action ? { action: m.action } : {}),
    ...(f.requestId ? { reference: f.requestId } : {}),
  });
};

/** Same problem, told in words that fit where it happened. */
export const rephrase = (e: AppError, message: string, action?: string): AppError => {
  const { code, message: _said, ...rest } = e.problem;
  return new AppError(code, message, { ...rest, ...(action ? { action } : {}) });
};
