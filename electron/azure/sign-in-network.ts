import { createDefaultHttpClient, createEmptyPipeline, createHttpHeaders, createPipelineRequest } from '@azure/core-rest-pipeline';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { isAppError, type AppError } from '../../shared/contract/problems';
import { routePolicy, type ResolvedRoute } from '../proxy';

// MSAL's HTTP calls (discovery, token, device code) over the same route as ARM: the resolved proxy and
// network failures naming it. MSAL hides the cause of a failed discovery behind its own error, so the
// last network failure is kept for the sign-in to report instead.

const SERVICE = 'The Microsoft Entra sign-in service';

export const createSignInNetwork = (route: ResolvedRoute, tlsCa?: string) => {
  const pipeline = createEmptyPipeline();
  pipeline.addPolicy(routePolicy(route, SERVICE, tlsCa));
  const http = createDefaultHttpClient();
  let lastFailure: AppError | undefined;

  const send = async <T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> => {
    const request = createPipelineRequest({
      url,
      method,
      headers: createHttpHeaders(options?.headers ?? {}),
      ...(options?.body === undefined ? {} : { body: options.body }),
      ...(timeout ? { timeout } : {}),
      ...(tlsCa ? { tlsSettings: { ca: tlsCa } } : {}),
    });
    try {
      const response = await pipeline.sendRequest(http, request);
      const text = response.bodyAsText ?? '';
      let body: unknown = {};
      try {
        body = text ? JSON.parse(text) : {};
      } catch {
        body = { error: 'invalid_response', error_description: text.slice(0, 500) };
      }
      return { status: response.status, headers: response.headers.toJSON(), body: body as T };
    } catch (err) {
      if (isAppError(err)) lastFailure = err;
      throw err;
    }
  };

  const client: INetworkModule = {
    sendGetRequestAsync: (url, options, timeout) => send('GET', url, options, timeout),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
  return { client, lastFailure: () => lastFailure };
};
