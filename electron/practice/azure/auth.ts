// The practice identity: opaque bearer tokens with an audience and an expiry on the injected clock.
import { randomBytes } from 'node:crypto';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { ArmError } from './arm-error';
import type { Clock } from './types';

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

export const createAuth = (deps: { clock: Clock; endpoint: () => string; tenantId: string; lifetimeSeconds: number; tokenPrefix?: string }) => {
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
      const token = `${deps.tokenPrefix ?? ''}${randomBytes(32).toString('base64url')}`;
      const expiresOn = deps.clock.now().getTime() + deps.lifetimeSeconds * 1000;
      // The audience is whatever was asked for: a client using the public-cloud scope gets a token
      // the practice ARM refuses, as the real ARM of another cloud would.
      tokens.set(token, { expiresOn, audience: scope.replace(/\/\.default$/, '') });
      return { token, expiresOnTimestamp: expiresOn, tokenType: 'Bearer' };
    },
  });

  /** Throws the 401 ARM would send for this `Authorization` header. */
  const authenticate = (header: string | undefined): void => {
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
    const audiences = [`${deps.endpoint()}/`, deps.endpoint()];
    if (!audiences.includes(issued.audience)) {
      throw unauthorized(
        'InvalidAuthenticationTokenAudience',
        `The access token has been obtained for wrong audience or resource '${issued.audience}'. ` +
          `It should exactly match with one of the allowed audiences '${audiences.join("','")}'.`,
      );
    }
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
