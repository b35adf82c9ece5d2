import type { ProblemCode } from '../../shared/contract';
import type { en } from './en';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/**
 * What every catalogue holds: the English catalogue's shape, key for key. Problems are the exception:
 * English shows main's own words, other languages translate the codes they know.
 */
export type Catalogue = Omit<Shape<typeof en>, 'problems'> & {
  problems: Partial<Record<ProblemCode, { message: string; action?: string }>>;
};
