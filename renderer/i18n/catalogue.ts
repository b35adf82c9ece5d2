import type { ProblemCode } from '../../shared/contract/problems';
import type { SaidCode } from '../../shared/contract/said';
import type { en } from './en';
import type { enScreens } from './en-screens';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/**
 * What every UI catalogue holds: the English catalogue's shape, key for key, in two parts. `Catalogue` has the
 * words of the first screen and the shell (loaded before the first render); `ScreensCatalogue` the words of the
 * screens that come in the later chunk (loaded with it, deep-merged: a section may have keys in both parts).
 */
export type Catalogue = Shape<typeof en>;
export type ScreensCatalogue = Shape<typeof enScreens>;

/**
 * A language's words for what main and the domain say, by code: every problem (message and action) and every
 * sentence of shared/contract/said.ts. English has none: it shows main's own words. Kept apart from the UI
 * catalogue so the first screen does not wait for it (renderer/i18n/index.ts loads it right after).
 */
export type MainTexts = {
  problems: Record<ProblemCode, { message: string; action: string }>;
  said: Record<SaidCode, string>;
};
