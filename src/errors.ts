/**
 * Every error a client sees is a GraphQLError with an `extensions.code`. Driver errors are
 * translated here, once; anything unexpected is masked by the server's formatError.
 */
import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  NOT_FOUND: 'NOT_FOUND',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  TIMEOUT: 'TIMEOUT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export interface Problem {
  /** JSON path into the offending input, e.g. `statements[3].start`. */
  readonly path: string;
  readonly message: string;
}

export function badInput(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...extensions } });
}

export function invalidDocument(problems: readonly Problem[]): GraphQLError {
  const head = problems
    .slice(0, 3)
    .map((p) => `${p.path}: ${p.message}`)
    .join('; ');
  const more = problems.length > 3 ? `; and ${problems.length - 3} more` : '';
  return badInput(`The document has ${problems.length} problem(s), nothing was written: ${head}${more}`, {
    problems,
  });
}

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

/** Maps a driver error onto the client-facing error it means; other errors pass through. */
export function translateDriverError(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (UNAVAILABLE_CODES.has(error.code) || error.code.startsWith('Neo.TransientError.General.DatabaseUnavailable')) {
    return new GraphQLError('The graph database is unavailable; try again shortly.', {
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, http: { status: 503 } },
      originalError: error,
    });
  }
  if (error.code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || error.code === 'Neo.TransientError.Transaction.LockClientStopped') {
    return new GraphQLError('The query took longer than its time budget and was cancelled.', {
      extensions: { code: ErrorCode.TIMEOUT },
      originalError: error,
    });
  }
  return error;
}
