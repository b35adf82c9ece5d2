// Test harness: starts a practice Azure on a fake clock and talks to it over node:https with its CA.
import { request } from 'node:https';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { memoryLogger } from '../../../../../electron/log';
import { startPracticeAzure, type PracticeAzure, type PracticeAzureSettings } from '../../../../../electron/practice/azure';

export const FIXTURES = join(import.meta.dirname, '../../../../fixtures/practice-azure');
export const EA = 'dd8597b4-8739-4467-8b10-f8679f62bfbf';
export const CSP = '5a3c9e71-2b84-4f06-9d1e-7c2b8a4f6e03';
export const CSP2 = '8e2d4f60-1a93-4c7b-b5e8-3d6f9a0c2b14';
export const PAYG = 'c4b7a1d9-6e25-4f83-a0d2-9b1e5c7f3a28';
export const DISABLED = 'f1e6c3b8-4d72-4a59-8c0e-6a2d7b9f1e35';

export type Reply = { status: number; headers: Record<string, string | string[] | undefined>; text: string; json: unknown };

export type Harness = {
  az: PracticeAzure;
  clock: { now(): Date; advance(ms: number): void };
  log: ReturnType<typeof memoryLogger>;
  sleeps: number[];
  token(scope?: string): Promise<string>;
  call(method: string, path: string, options?: { body?: unknown; rawBody?: string; token?: string | null; headers?: Record<string, string> }): Promise<Reply>;
};

export const readFixture = (relative: string): Record<string, unknown> => {
  const parsed = JSON.parse(readFileSync(join(FIXTURES, relative), 'utf8')) as Record<string, unknown>;
  const { _note: _n, _source: _s, ...rest } = parsed;
  return rest;
};

/** A well-formed registration token: padded base64 of the reconstructed sample, optionally altered. */
export const sampleToken = (overrides: Record<string, unknown> = {}): string =>
  Buffer.from(JSON.stringify({ ...readFixture('samples/restapispec-registration-put-token.decoded.json'), ...overrides }), 'utf8').toString('base64');

export const startHarness = async (settings: Partial<PracticeAzureSettings> = {}): Promise<Harness> => {
  // Starts at the real time: the SDK's token cache judges expiry with the real clock, so a fixed
  // date would make every token look expired to it (and refreshed) once that date has passed.
  let now = Date.now();
  const clock = { now: () => new Date(now), advance: (ms: number) => void (now += ms) };
  const log = memoryLogger();
  const sleeps: number[] = [];
  const az = await startPracticeAzure({ clock, log, settings, sleep: async (ms) => void sleeps.push(ms) });
  const token = async (scope = az.clouds.AzureCloud.scope): Promise<string> => {
    const t = await az.credential().getToken(scope);
    if (!t) throw new Error('no token');
    return t.token;
  };
  let cached: string | undefined;
  const call: Harness['call'] = async (method, path, options = {}) => {
    const bearer = options.token === undefined ? (cached ??= await token()) : options.token;
    const payload = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const url = new URL(path.startsWith('https://') ? path : az.endpoint + path);
    return new Promise<Reply>((resolve, reject) => {
      const req = request(
        url,
        {
          method,
          ca: az.ca,
          headers: {
            ...(bearer === null ? {} : { authorization: `Bearer ${bearer}` }),
            ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
            ...options.headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: text === '' ? undefined : JSON.parse(text) });
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  };
  return { az, clock, log, sleeps, token, call };
};

/** `{ error: { code, message } }` of a reply, or throws. */
export const armError = (reply: Reply): { code: string; message: string; target?: string; details?: unknown[] } => {
  const error = (reply.json as { error?: { code: string; message: string } } | undefined)?.error;
  if (!error) throw new Error(`no ARM error in ${reply.status} ${reply.text}`);
  return error;
};

export const rgPath = (sub: string, rg: string) => `/subscriptions/${sub}/resourcegroups/${rg}`;
export const regPath = (sub: string, rg: string, name: string) =>
  `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.AzureStack/registrations/${name}`;

/** Registers Microsoft.AzureStack and creates a resource group, as steps 2 and 4 of contract §2.4. */
export const prepare = async (h: Harness, sub = EA, rg = 'azurestack', location = 'westcentralus'): Promise<void> => {
  await h.call('POST', `/subscriptions/${sub}/providers/Microsoft.AzureStack/register?api-version=2025-04-01`);
  for (let i = 0; i < 10; i++) {
    const p = await h.call('GET', `/subscriptions/${sub}/providers/Microsoft.AzureStack?api-version=2025-04-01`);
    if ((p.json as { registrationState: string }).registrationState === 'Registered') break;
  }
  const put = await h.call('PUT', `${rgPath(sub, rg)}?api-version=2025-04-01`, { body: { location } });
  if (put.status !== 201 && put.status !== 200) throw new Error(`RG PUT ${put.status} ${put.text}`);
};

export const putRegistration = (h: Harness, sub: string, rg: string, name: string, token = sampleToken(), api = '2017-06-01') =>
  h.call('PUT', `${regPath(sub, rg, name)}?api-version=${api}`, { body: { location: 'global', properties: { registrationToken: token } } });
