import { z } from 'zod';
import { PepHosts } from '../../shared/contract';
import type { AppMode } from '../../shared/domain/types';

// The ERCS addresses of the last privileged-endpoint sessions, per mode (practice addresses are never
// offered in live), most recent first. Addresses only: never a user name, a password or a share.

export type RecentErcs = Partial<Record<AppMode, string[][]>>;

export const MAX_RECENT_ERCS = 5;

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((h, i) => h.toLowerCase() === b[i]?.toLowerCase());

const clean = (hosts: readonly string[]): string[] => hosts.map((h) => h.trim()).filter((h) => h !== '');

/** `hosts` first, an earlier copy of the same set dropped, at most MAX_RECENT_ERCS kept. */
export const rememberErcs = (list: readonly string[][], hosts: readonly string[]): string[][] => {
  const set = clean(hosts);
  if (set.length === 0) return [...list];
  return [set, ...list.filter((l) => !sameSet(l, set))].slice(0, MAX_RECENT_ERCS);
};

/** Without `hosts`, forgets them all. */
export const forgetErcs = (list: readonly string[][], hosts?: readonly string[]): string[][] =>
  hosts ? list.filter((l) => !sameSet(l, clean(hosts))) : [];

const List = z.array(PepHosts).max(MAX_RECENT_ERCS);

/** From settings.json: a damaged list for one mode is dropped, the other kept. */
export const parseRecentErcs = (raw: unknown): RecentErcs | undefined => {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const out: RecentErcs = {};
  for (const mode of ['practice', 'live'] as const) {
    const parsed = List.safeParse((raw as Record<string, unknown>)[mode]);
    if (parsed.success && parsed.data.length > 0) out[mode] = parsed.data;
  }
  return Object.keys(out).length > 0 ? out : undefined;
};
