import { answerError, type ArmHttp } from './arm-http';
import { REGISTRATION_LOCK_NAME } from '../../shared/domain/handoff-record';
import { sameId } from './resource-ids';

// Management locks, by hand-built URL: @azure/arm-locks 2.1.0 encodes the scope in *ByScope and
// yields a `//` segment at resource level (contract §2.4 step 6).

const LOCK_NAME = REGISTRATION_LOCK_NAME;
export type LockInfo = { id: string; name: string; level: string; scope: string; notes?: string };


const scopeOfLockId = (id: string): string => id.replace(/\/providers\/Microsoft\.Authorization\/locks\/[^/]+$/i, '');

const toLock = (raw: unknown): LockInfo | undefined => {
  const r = raw as { id?: unknown; name?: unknown; properties?: { level?: unknown; notes?: unknown } } | undefined;
  if (typeof r?.id !== 'string' || typeof r.name !== 'string') return undefined;
  const notes = typeof r.properties?.notes === 'string' ? r.properties.notes : undefined;
  return {
    id: r.id,
    name: r.name,
    level: typeof r.properties?.level === 'string' ? r.properties.level : 'Unknown',
    scope: scopeOfLockId(r.id),
    ...(notes ? { notes } : {}),
  };
};

const lockNotes = (registrationName: string): string =>
  `Registration resource ${registrationName} is needed for syndication. Placing resource lock to prevent accidental deletion.`;

export const isOwnLock = (lock: LockInfo, resourceId: string): boolean =>
  sameId(lock.name, LOCK_NAME) && sameId(lock.scope, resourceId);

export type LockApi = ReturnType<typeof createLockApi>;

export const createLockApi = (http: ArmHttp, apiVersion: string) => {
  const API = `api-version=${apiVersion}`;
  const lockUrl = (scope: string, name = LOCK_NAME): string => `${scope}/providers/Microsoft.Authorization/locks/${encodeURIComponent(name)}?${API}`;
  return {
    /** Whether our lock sits on the resource; undefined when we may not read locks (locks/read missing). */
    async hasOwn(resourceId: string, signal?: AbortSignal): Promise<boolean | undefined> {
      const answer = await http.send('GET', lockUrl(resourceId), { signal, step: 'reading the registration lock' });
      if (answer.status === 200) return true;
      if (answer.status === 404) return false;
      if (answer.status === 403) return undefined;
      throw answerError(answer, 'reading the registration lock');
    },

    async place(resourceId: string, registrationName: string, signal?: AbortSignal) {
      return http.send('PUT', lockUrl(resourceId), {
        body: { properties: { level: 'CanNotDelete', notes: lockNotes(registrationName) } },
        signal,
        step: 'placing the registration lock',
      });
    },

    /** true when removed, false when there was none. */
    async remove(resourceId: string, signal?: AbortSignal) {
      return http.send('DELETE', lockUrl(resourceId), { signal, step: 'removing the registration lock' });
    },

    /**
     * Locks that apply at a scope: on it and above it (its group, its subscription), one request with
     * `$filter=atScope()` instead of every lock below the subscription (defect §6.9).
     */
    async applying(scope: string, signal?: AbortSignal): Promise<LockInfo[]> {
      const raw = await http.list(`${scope}/providers/Microsoft.Authorization/locks?${API}&$filter=${encodeURIComponent('atScope()')}`, { signal, step: 'listing locks' });
      const seen = new Map<string, LockInfo>();
      for (const item of raw) {
        const lock = toLock(item);
        // Only those at or above the scope, whatever the server sends.
        if (lock && isAtOrAbove(lock.scope, scope)) seen.set(lock.id.toLowerCase(), lock);
      }
      return [...seen.values()];
    },
  };
};

const isAtOrAbove = (lockScope: string, scope: string): boolean => {
  const l = lockScope.toLowerCase();
  const s = scope.toLowerCase();
  return s === l || s.startsWith(`${l}/`);
};
