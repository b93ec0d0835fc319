/**
 * Every error a client sees is a GraphQLError with an `extensions.code`. Driver errors are
 * translated here, once; anything unexpected is masked by the server's formatError.
 */
import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { TIMEOUT, timedOut, type Budget } from './deadline';

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  CONFLICT: 'CONFLICT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  TIMEOUT,
  LIMIT_EXCEEDED: 'LIMIT_EXCEEDED',
  /** More work waiting than the server queues (extraction: EXTRACT_QUEUE; Neo4j connections: NEO4J_MAX_POOL_SIZE); HTTP 429. */
  OVERLOADED: 'OVERLOADED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** statementChanges cannot resume without gaps from where it stands: subscribe again without afterSequence (src/graph/live). */
  SEQUENCE_LOST: 'SEQUENCE_LOST',
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

/** A write the graph refuses because of what it already holds (an article id with another text). */
export function conflict(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.CONFLICT, http: { status: 409 }, ...extensions } });
}

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
}

/** A valid key whose role does not allow the operation (src/auth/api-keys.ts). */
export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } } });
}

/**
 * A request over one of the limits in SECURITY.md. `limit` names the setting that holds
 * it, so an operator knows what to raise and a client knows what to shrink.
 */
export function limitExceeded(message: string, limit: string, max: number, received?: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.LIMIT_EXCEEDED, limit, max, ...(received === undefined ? {} : { received }), http: { status: 400 } },
  });
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);
/**
 * A transaction stopped while it waited for a lock. Neo4j gives the same code and words
 * whether its timeout ran out or it was terminated (by an operator, or at shutdown); the
 * timeout is the case a client meets, so it answers TIMEOUT. Neo4j 5.26 answers the
 * ClientError form (test/integration/hardening-errors.test.ts); the TransientError form is
 * the older name of the same event, kept so a server of another release is read the same.
 */
const LOCK_WAIT_ENDED = new Set(['Neo.ClientError.Transaction.LockClientStopped', 'Neo.TransientError.Transaction.LockClientStopped']);
/** The driver's words when its pool had no connection to give within the acquisition timeout (src/db/connect.ts). */
const ACQUISITION_TIMED_OUT = /^Connection acquisition timed out in (\d+) ms\. Pool status: Active conn count = (\d+)/;

/**
 * Maps a driver error onto the client-facing error it means; other errors pass through.
 * `budget` is the time limit the failed transaction ran under, for the TIMEOUT message.
 * Neo4j 5.26 reports its own cancellation as Neo.ClientError.Transaction.
 * TransactionTimedOutClientConfiguration (the timeout the client set), hence the prefix.
 */
export function translateDriverError(error: unknown, budget?: Budget): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (UNAVAILABLE_CODES.has(error.code) || error.code.startsWith('Neo.TransientError.General.DatabaseUnavailable')) {
    return new GraphQLError('The graph database is unavailable; try again shortly.', {
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, http: { status: 503 } },
      originalError: error,
    });
  }
  const acquisition = ACQUISITION_TIMED_OUT.exec(error.message);
  if (acquisition !== null) {
    return new GraphQLError(
      `Every connection of this server to the graph database (${acquisition[2]} in use) stayed busy for ${acquisition[1]} ms, the longest a query waits for one; try again shortly. Operators: NEO4J_MAX_POOL_SIZE and NEO4J_ACQUISITION_TIMEOUT_MS.`,
      { extensions: { code: ErrorCode.OVERLOADED, http: { status: 429 } }, originalError: error },
    );
  }
  if (error.code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || LOCK_WAIT_ENDED.has(error.code)) {
    return timedOut(budget, error);
  }
  // A bulk load into an empty graph builds the full-text index at its end (withSearchIndexDeferred, ingest/bulk-load.ts).
  if (error.code === 'Neo.ClientError.Procedure.ProcedureCallFailed' && error.message.includes('no such fulltext schema index')) {
    return new GraphQLError('Search is unavailable while a bulk load into an empty graph is running: its index is built when the load ends; try again then.', {
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, http: { status: 503 } },
      originalError: error,
    });
  }
  return error;
}
