import { createHttpHeaders, createPipelineRequest, type HttpMethods } from '@azure/core-rest-pipeline';
import type { ServiceClient } from '@azure/core-client';
import { AppError } from '../../shared/contract/problems';
import { failureError, failureFromResponse, toAppError } from './arm-error';

// Hand-built ARM calls (Microsoft.AzureStack, locks): the URL is exactly the documented one, and the
// answer comes back whatever its status so callers decide what a 404 or a 409 means for them.

type ArmAnswer = {
  status: number;
  body: unknown;
  requestId?: string;
  bodyAsText?: string;
  headers: { get(name: string): string | undefined };
};

export type ArmHttp = {
  send(method: HttpMethods, pathOrUrl: string, opts?: { body?: unknown; signal?: AbortSignal; step: string }): Promise<ArmAnswer>;
  /** Follows `nextLink` on the same host only. */
  list(path: string, opts: { signal?: AbortSignal; step: string }): Promise<unknown[]>;
};

export const createArmHttp = (client: ServiceClient, endpoint: string): ArmHttp => {
  const origin = new URL(endpoint).origin;
  const send: ArmHttp['send'] = async (method, pathOrUrl, opts = { step: 'calling Azure' }) => {
    const url = pathOrUrl.startsWith('https://') ? pathOrUrl : `${endpoint}${pathOrUrl}`;
    if (new URL(url).origin !== origin) {
      throw new AppError('azure-failed', `Azure answered with a link to another server while ${opts.step}; it was not followed.`, { detail: url });
    }
    const request = createPipelineRequest({
      url,
      method,
      headers: createHttpHeaders({ accept: 'application/json', ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }) }),
      ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
      ...(opts.signal ? { abortSignal: opts.signal } : {}),
    });
    let response;
    try {
      response = await client.sendRequest(request);
    } catch (err) {
      throw toAppError(err, opts.step, opts.signal);
    }
    const text = response.bodyAsText ?? undefined;
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    return { status: response.status, body, requestId: response.headers.get('x-ms-request-id'), bodyAsText: text, headers: response.headers };
  };
  return {
    send,
    async list(path, opts) {
      const items: unknown[] = [];
      let next: string | undefined = path;
      for (let page = 0; next && page < 100; page++) {
        const answer = await send('GET', next, opts);
        if (answer.status !== 200) throw answerError(answer, opts.step);
        const body = answer.body as { value?: unknown[]; nextLink?: unknown } | undefined;
        items.push(...(body?.value ?? []));
        next = typeof body?.nextLink === 'string' && body.nextLink !== '' ? body.nextLink : undefined;
      }
      return items;
    },
  };
};

/** An unexpected answer as an AppError carrying ARM code, message, status and request id. */
export const answerError = (answer: ArmAnswer, step: string) =>
  failureError(failureFromResponse({ status: answer.status, headers: answer.headers, bodyAsText: answer.bodyAsText }), step);
