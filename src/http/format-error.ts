/**
 * What a client is told of an error, built from the error itself: errors with a known code
 * reach the client as they are; anything else is an internal fault, and the client gets a
 * masked message with the request id while the log gets the detail. In production no
 * message carries a "Did you mean ...?" suggestion; in development errors carry their stack.
 *
 * Both paths format a request's errors with `clientErrors`, from the errors as thrown: the
 * fast path on what graphql-js's `execute` returns, Apollo's request plugin (apollo.ts) on
 * the errors Apollo reports to plugins. Nothing here reads the error Apollo shapes before
 * its formatError hook, so the two paths answer alike by construction, whatever Apollo's
 * version does inside.
 */
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode, translateDriverError } from '../errors';
import { tokenLimitError } from './limits';
import type { RequestLog } from './request-log';

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL_SERVER_ERROR));

/** graphql-js suggests names close to a wrong one; outside development that maps the schema for a prober. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

export interface ErrorFormat {
  /** Masks internal errors and hides stack traces and "Did you mean" suggestions. */
  readonly production: boolean;
  /** The last word on a response's errors (QueryLimits.finalErrors). */
  readonly finalErrors: <E extends GraphQLFormattedError>(errors: E[]) => E[];
}

const asGraphQLError = (thrown: unknown): GraphQLError =>
  thrown instanceof GraphQLError
    ? thrown
    : new GraphQLError(thrown instanceof Error ? thrown.message : String(thrown), { originalError: thrown instanceof Error ? thrown : undefined });

/**
 * The error as GraphQL states it: its message, locations and path, and its extensions with a
 * code always (INTERNAL_SERVER_ERROR when it has none) and without `http`, which errors.ts
 * uses to set the response's status, not to tell the client.
 */
function stated(error: GraphQLError, stacktrace: boolean): GraphQLFormattedError {
  const extensions: Record<string, unknown> = { ...error.extensions, code: error.extensions.code ?? ErrorCode.INTERNAL_SERVER_ERROR };
  delete extensions.http;
  if (stacktrace) extensions.stacktrace = error.stack?.split('\n');
  return { ...error.toJSON(), extensions };
}

/** The original error behind `thrown` when its code is one clients are told: a limit's error sits one level down in Apollo's validation error. */
function knownError(original: unknown): GraphQLError | undefined {
  return [original, original instanceof GraphQLError ? original.originalError : undefined].find(
    (e): e is GraphQLError => e instanceof GraphQLError && KNOWN_CODES.has(String(e.extensions.code)),
  );
}

/** True when `formatted` is an internal fault, to be masked and logged. */
const isInternal = (formatted: GraphQLFormattedError): boolean => formatted.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR;

/**
 * One error as the client gets it, and the error it stands for once a driver's error is
 * translated; `requestId` names the request in a masked message, when known.
 */
function formatOne(thrown: unknown, production: boolean, requestId: string | undefined): { client: GraphQLFormattedError; original: unknown } {
  const client = (formatted: GraphQLFormattedError): GraphQLFormattedError =>
    production ? { ...formatted, message: formatted.message.replace(SUGGESTION, '') } : formatted;
  const original = translateDriverError(unwrapResolverError(thrown));
  const formatted = stated(asGraphQLError(thrown), !production);
  const known = knownError(original);
  if (known) return { original, client: client({ ...formatted, message: known.message, extensions: { ...formatted.extensions, ...known.extensions, http: undefined } }) };
  const tokens = tokenLimitError(formatted);
  if (tokens) return { original, client: client({ message: tokens.message, extensions: { ...tokens.extensions, http: undefined } }) };
  if (!isInternal(formatted)) return { original, client: client(formatted) };
  if (!production) return { original, client: client({ ...formatted, extensions: { ...formatted.extensions, requestId } }) };
  return {
    original,
    client: client({
      message: requestId ? `Internal server error; the log has the details under request id ${requestId}.` : 'Internal server error.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId },
    }),
  };
}

/** One error as the client gets it, outside any request (a test's own Apollo Server, say). */
export function clientError(thrown: unknown, production: boolean): GraphQLFormattedError {
  return formatOne(thrown, production, undefined).client;
}

/** A request's errors as the client gets them; each internal fault is logged under the request id. */
export function clientErrors(thrown: readonly unknown[], rules: ErrorFormat, log: RequestLog): GraphQLFormattedError[] {
  const formatted = thrown.map((error) => {
    const { client, original } = formatOne(error, rules.production, log.requestId);
    if (isInternal(client)) log.internalError(original, client.path);
    return client;
  });
  return rules.finalErrors(formatted);
}

/**
 * Apollo's formatError hook. It sees every error Apollo answers, but not the request: the
 * GraphQL request plugin (apollo.ts) formats a request's errors again with its log, and what
 * this one makes is what is left for requests refused before any plugin ran, which never are
 * internal faults (a request's context is made in graphql.ts, which logs its failure).
 */
export function apolloFormatError(production: boolean): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (_formatted, error) => clientError(error, production);
}
