import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { PracticeScenario } from '../../shared/contract';
import { createSignInNetwork, listenForAuthCode, type SignInProvider } from '../azure';
import type { Logger } from '../log';
import type { PracticeAzure } from './azure';

// Practice sign-in through the same pieces as live: the loopback redirect listener (which the
// "browser" answers, or never does when the scenario abandons it) and the sign-in network client
// (which meets a login host nobody answers when the scenario makes it unreachable).

/** A loopback port nobody listens on: connecting to it is refused, like an unreachable login host. */
export const closedPort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
};

/** What the browser does once the operator signs in: Entra ID posts the code to the redirect URI. */
const postCode = (redirectUri: string, state: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const body = new URLSearchParams({ code: `practice-${randomUUID()}`, state }).toString();
    const req = request(redirectUri, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, (res) => {
      res.resume();
      res.on('end', () => resolve());
    });
    req.on('error', reject);
    req.end(body);
  });

const untilAborted = (signal: AbortSignal): Promise<never> =>
  new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

export const practiceSignIn =
  (azure: PracticeAzure, outcome: PracticeScenario['signIn'], log: Logger): SignInProvider =>
  async (req) => {
    if (outcome === 'login-unreachable') {
      const network = createSignInNetwork(req.route);
      await network.client.sendGetRequestAsync(`https://127.0.0.1:${await closedPort()}/organizations/v2.0/.well-known/openid-configuration`);
    }
    if (req.method === 'browser') {
      const state = randomUUID();
      const listener = await listenForAuthCode(state, req.signal);
      log.info('Waiting for the browser sign-in', { redirectUri: listener.redirectUri });
      try {
        if (outcome === 'completes') await postCode(listener.redirectUri, state);
        await listener.code;
      } finally {
        listener.close();
      }
    } else if (outcome === 'browser-abandoned') {
      req.onDeviceCode({ userCode: 'PRACTICE1', verificationUri: 'https://microsoft.com/devicelogin', message: 'Practice: nobody will enter this code.' });
      await untilAborted(req.signal);
    }
    return {
      credential: azure.credential(),
      refreshToken: async () => azure.refreshToken(),
      account: { cloud: req.cloud, username: azure.account.username, tenantId: azure.account.tenantId, practice: true },
    };
  };
