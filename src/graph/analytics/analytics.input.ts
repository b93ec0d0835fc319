/**
 * The bounds of the exploration queries and the checks that enforce them. Bounds keep every
 * query cheap enough for a dashboard: a path search grows with the number of hops, so hops
 * and the number of paths are small, fixed ranges.
 */
import { GraphQLError } from 'graphql';
import { badInput, ErrorCode } from '../../errors';

export const SEARCH_LIMITS = { maxTextLength: 200, defaultFirst: 10, maxFirst: 50 } as const;
/**
 * `maxDegree`: a path passes only through entities and statements with at most this many
 * path relationships (its ends excepted); see translatePaths in analytics.cypher.ts.
 */
export const PATHS_LIMITS = { defaultMaxHops: 4, maxHops: 6, defaultFirst: 3, maxFirst: 10, maxDegree: 1000 } as const;
export const TIMELINE_LIMITS = { defaultFirst: 50, maxFirst: 200 } as const;
/** `maxPoints`: the most intervals one series may have; a dashboard draws no more. */
export const SERIES_LIMITS = { defaultTop: 10, maxTop: 50, maxPoints: 1000 } as const;

/** `value` when it is a whole number in min..max, `fallback` when absent; BAD_USER_INPUT otherwise. */
export function bounded(argument: string, value: number | null | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(`${argument} must be a whole number from ${min} to ${max}; received ${value}`, { argument });
  }
  return value;
}

/** The text to search for, trimmed: at least one non-blank character, at most SEARCH_LIMITS.maxTextLength. */
export function searchText(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length === 0) {
    throw badInput(`text must contain something to search for; received ${JSON.stringify(text)}`, { argument: 'text' });
  }
  if (trimmed.length > SEARCH_LIMITS.maxTextLength) {
    throw badInput(`text must be at most ${SEARCH_LIMITS.maxTextLength} characters; received ${trimmed.length} characters`, { argument: 'text' });
  }
  return trimmed;
}

export interface MissingId {
  readonly argument: string;
  readonly id: string;
}

/** A well-formed id that names no entity, where the answer is meaningless without one. */
export function entityNotFound(missing: readonly MissingId[]): GraphQLError {
  const named = missing.map((m) => `${JSON.stringify(m.id)} (${m.argument})`).join(', nor ');
  return new GraphQLError(`No entity has the id ${named}; check it against node(id:) or search(text:)`, {
    extensions: { code: ErrorCode.NOT_FOUND, arguments: missing.map((m) => m.argument), ids: missing.map((m) => m.id) },
  });
}
