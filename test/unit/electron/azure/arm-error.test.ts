import { createHttpHeaders, RestError } from '@azure/core-rest-pipeline';
import { describe, expect, it } from 'vitest';
import { classify, deniedAction, describeFailure, failureFromResponse, policyAssignments, toAppError } from '../../../../electron/azure/arm-error';

const response = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
  status,
  headers: createHttpHeaders({ 'x-ms-request-id': 'req-1', ...headers }),
  bodyAsText: JSON.stringify(body),
});
const arm = (code: string, message: string) => ({ error: { code, message } });

describe('failureFromResponse', () => {
  it('reads ARM code, message, status, request id and Retry-After', () => {
    const f = failureFromResponse(response(429, arm('SubscriptionRequestsThrottled', 'slow down'), { 'retry-after': '7' }));
    expect(f).toEqual({ status: 429, code: 'SubscriptionRequestsThrottled', message: 'slow down', requestId: 'req-1', retryAfterMs: 7000 });
  });

  it('keeps a non-JSON body as the message', () => {
    const f = failureFromResponse({ status: 502, headers: createHttpHeaders(), bodyAsText: '<html>Bad gateway</html>' });
    expect(f).toMatchObject({ status: 502, message: '<html>Bad gateway</html>' });
  });
});

describe('classify', () => {
  it.each([
    [{ status: 401, code: 'ExpiredAuthenticationToken', message: 'expired' }, 'azure-credential-expired'],
    [{ code: 'AuthenticationRequiredError', message: 'refresh token expired' }, 'azure-credential-expired'],
    [{ status: 429, code: 'SubscriptionRequestsThrottled', message: 'x' }, 'azure-throttled'],
    [{ status: 503, code: 'ServiceUnavailable', message: 'x' }, 'azure-unavailable'],
    [{ code: 'ECONNRESET', message: 'socket hang up' }, 'azure-unavailable'],
    [{ status: 409, code: 'MissingSubscriptionRegistration', message: 'x' }, 'azure-provider-unregistered'],
    [{ status: 400, code: 'InvalidRegistrationToken', message: 'The registration token is malformed.' }, 'azure-invalid-token'],
    [{ status: 409, code: 'CloudIdUpdateNotAllowed', message: 'x' }, 'azure-name-conflict'],
    [{ status: 409, code: 'Conflict', message: 'Cloud identifier [0e1d0ab6-1234-4e1a-9a4b-0d3b7e0c1a2b] is already registered. Reusing cloud identifiers is not allowed.' }, 'azure-cloud-already-registered'],
    [{ status: 409, code: 'ScopeLocked', message: 'x' }, 'azure-scope-locked'],
    [{ status: 403, code: 'AuthorizationFailed', message: "does not have authorization to perform action 'Microsoft.Authorization/locks/write' over scope" }, 'azure-forbidden'],
    [{ status: 404, code: 'ResourceNotFound', message: 'x' }, 'azure-not-found'],
    [{ status: 400, code: 'BadRequest', message: 'x' }, 'azure-failed'],
  ] as const)('%o is %s', (failure, code) => {
    expect(classify(failure, 'testing').code).toBe(code);
  });

  it('names the denied action and the wait Azure asked for', () => {
    expect(classify({ status: 403, message: "to perform action 'Microsoft.Authorization/locks/write' over" }, 'locking').message).toContain('Microsoft.Authorization/locks/write');
    expect(classify({ status: 429, message: 'x', retryAfterMs: 30_000 }, 'registering').message).toContain('30 s');
  });
});

describe('toAppError', () => {
  it('puts status, code, message and request id in detail and reference', () => {
    const err = new RestError('Conflict', {
      statusCode: 409,
      response: { ...response(409, arm('CloudIdUpdateNotAllowed', 'already associated')), request: undefined as never },
    });
    const e = toAppError(err, 'creating registration r1');
    expect(e.problem).toMatchObject({ code: 'azure-name-conflict', reference: 'req-1' });
    expect(e.problem.detail).toBe('HTTP 409 CloudIdUpdateNotAllowed\nalready associated\nx-ms-request-id: req-1');
  });

  it('tells a cancel from a dropped connection', () => {
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError' });
    const controller = new AbortController();
    expect(toAppError(abort, 'x', controller.signal).problem.code).toBe('azure-unavailable');
    controller.abort();
    expect(toAppError(abort, 'x', controller.signal).problem.code).toBe('cancelled');
  });

  it('reads network errors without a response', () => {
    expect(describeFailure(new RestError('socket hang up', { code: 'ECONNRESET' }))).toMatchObject({ code: 'ECONNRESET', message: 'socket hang up' });
  });
});

describe('deniedAction', () => {
  it('extracts the action from AuthorizationFailed text', () => {
    expect(deniedAction("The client 'a' with object id 'b' does not have authorization to perform action 'Microsoft.Authorization/locks/write' over scope '/x'")).toBe('Microsoft.Authorization/locks/write');
    expect(deniedAction('nothing here')).toBeUndefined();
  });
});

describe('policyAssignments', () => {
  it('reads assignment names from the policy identifiers ARM appends, and from the newer "Reasons"', () => {
    const identifiers = `Resource 'rg1' was disallowed by policy. Policy identifiers: '[{"policyAssignment":{"name":"Allowed locations","id":"/subscriptions/s/providers/Microsoft.Authorization/policyAssignments/a1"},"policyDefinition":{"name":"Allowed locations","id":"/providers/Microsoft.Authorization/policyDefinitions/e56962a6"}}]'.`;
    expect(policyAssignments(identifiers)).toEqual(['Allowed locations']);
    expect(policyAssignments("Resource 'rg1' was disallowed by policy. Reasons: 'Require a tag on resource groups'. See error details for policy resource IDs.")).toEqual(['Require a tag on resource groups']);
    expect(policyAssignments('Resource was disallowed by policy.')).toEqual([]);
  });

  it('is classified by its code, not as missing rights', () => {
    const m = classify({ status: 403, code: 'RequestDisallowedByPolicy', message: "Resource 'rg1' was disallowed by policy. Reasons: 'Allowed locations'." }, 'creating resource group rg1');
    expect(m.code).toBe('azure-policy-denied');
    expect(m.message).toContain('"Allowed locations"');
  });
});
