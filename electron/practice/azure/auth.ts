// The practice identity: opaque bearer tokens with an audience and an expiry on the injected clock.
import { randomBytes } from 'node:crypto';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { ArmError } from './arm-error';
import type { CloudName } from '../../../shared/domain/types';
import type { Clock } from './types';

/** The path after the endpoint in each practice cloud's token audience (real clouds differ by host). */
export const CLOUD_AUDIENCE_PATH: Record<CloudName, string> = { AzureCloud: '', AzureUSGovernment: '/usgov', AzureChinaCloud: '/china' };

type Issued = { expiresOn: number; audience: string };

// ARM prints times as .NET's invariant "G" pattern: 11/25/2026 1:19:03 PM.
const armTime = (ms: number): string => {
  const d = new Date(ms);
  const h = d.getUTCHours();
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ` +
    `${h % 12 === 0 ? 12 : h % 12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`
  );
};

export const createAuth = (deps: { clock: Clock; endpoint: () => string; tenantId: string; objectId: string; lifetimeSeconds: number; tokenMarker?: string }) => {
  const tokens = new Map<string, Issued>();

  const unauthorized = (code: string, message: string): ArmError =>
    new ArmError(401, code, message, {
      headers: {
        'www-authenticate':
          `Bearer authorization_uri="${deps.endpoint()}/${deps.tenantId}", error="invalid_token", ` +
          `error_description="${message.replace(/"/g, "'")}"`,
      },
    });

  const credential = (): TokenCredential => ({
    async getToken(scopes: string | string[]): Promise<AccessToken> {
      const scope = Array.isArray(scopes) ? (scopes[0] ?? '') : scopes;
      const expiresOn = deps.clock.now().getTime() + deps.lifetimeSeconds * 1000;
      // Shaped like Entra's JWTs (header.claims.signature) so the app reads `oid` as it does live;
      // the random third part is what makes each token unique and unguessable (after the tests' marker, if any).
      const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const claims = { aud: scope.replace(/\/\.default$/, ''), tid: deps.tenantId, oid: deps.objectId, exp: Math.floor(expiresOn / 1000) };
      const token = `${part({ typ: 'JWT', alg: 'none' })}.${part(claims)}.${deps.tokenMarker ?? ''}${randomBytes(32).toString('base64url')}`;
      // The audience is whatever was asked for: a client using the public-cloud scope gets a token
      // the practice ARM refuses, as the real ARM of another cloud would.
      tokens.set(token, { expiresOn, audience: scope.replace(/\/\.default$/, '') });
      return { token, expiresOnTimestamp: expiresOn, tokenType: 'Bearer' };
    },
  });

  /** Throws the 401 ARM would send for this `Authorization` header; else the cloud the token is for. */
  const authenticate = (header: string | undefined): CloudName => {
    if (header === undefined || header === '') {
      throw unauthorized('AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.");
    }
    const match = /^Bearer (\S+)$/i.exec(header);
    if (!match?.[1]) {
      throw unauthorized(
        'AuthenticationFailedInvalidHeader',
        "Authentication failed. The 'Authorization' header is provided in an invalid format.",
      );
    }
    const issued = tokens.get(match[1]);
    if (!issued) throw unauthorized('InvalidAuthenticationToken', 'The access token is invalid.');
    const now = deps.clock.now().getTime();
    if (issued.expiresOn <= now) {
      throw unauthorized(
        'ExpiredAuthenticationToken',
        `The access token expiry UTC time '${armTime(issued.expiresOn)}' is earlier than current UTC time '${armTime(now)}'.`,
      );
    }
    // One endpoint serves every cloud; each cloud's token scope (its "resource") tells them apart.
    const cloud = (Object.keys(CLOUD_AUDIENCE_PATH) as CloudName[]).find((c) =>
      [`${deps.endpoint()}${CLOUD_AUDIENCE_PATH[c]}`, `${deps.endpoint()}${CLOUD_AUDIENCE_PATH[c]}/`].includes(issued.audience),
    );
    if (!cloud) {
      const audiences = [`${deps.endpoint()}/`, deps.endpoint()];
      throw unauthorized(
        'InvalidAuthenticationTokenAudience',
        `The access token has been obtained for wrong audience or resource '${issued.audience}'. ` +
          `It should exactly match with one of the allowed audiences '${audiences.join("','")}'.`,
      );
    }
    return cloud;
  };

  const expireAll = (): void => {
    for (const issued of tokens.values()) issued.expiresOn = 0;
  };

  const expiredTokenError = (): ArmError => {
    const now = deps.clock.now().getTime();
    return unauthorized(
      'ExpiredAuthenticationToken',
      `The access token expiry UTC time '${armTime(now - 60_000)}' is earlier than current UTC time '${armTime(now)}'.`,
    );
  };

  return { credential, authenticate, expireAll, expiredTokenError };
};
