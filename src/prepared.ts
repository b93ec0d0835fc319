/**
 * Queries answered again without Apollo's per-request pipeline.
 *
 * Apollo takes every request through the same steps, whatever it asks: hash the text, look
 * the parsed document up, call each plugin at each stage, negotiate the content type, and
 * write the answer out. Answering a repeated query without those steps took about a tenth
 * off the server's CPU on a statement by id and on a page (BENCHMARKS.md, finding 21).
 * Once Apollo has parsed a query, validated it (every rule, the limits and the
 * introspection switch) and started to execute it, its document is remembered here under
 * the text. A later plain request with the same text is executed by
 * graphql-js directly, with the same context, limits, error formatting and log scope.
 *
 * The fast path decides before any resolver runs: when the request is anything but a JSON
 * POST of a remembered query that Apollo would answer with `application/json`, when its
 * limits refuse it, or when its variables do not fit, `executePrepared` declines and Apollo
 * answers the request from the start. test/integration/prepared.test.ts checks that both
 * paths give the same status, headers and body, errors included.
 */
import {
  GraphQLError,
  execute,
  getVariableValues,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { ErrorCode } from './errors';

/** A request body the fast path may answer: only `query`, and `variables` and `operationName` if given. */
export interface PlainRequest {
  readonly query: string;
  readonly operationName: string | undefined;
  readonly variables: Record<string, unknown> | undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const BODY_KEYS = new Set(['query', 'variables', 'operationName']);

/** A GraphQL name: an operation name that is anything else ('' included) names no operation, and Apollo says so. */
const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** The body as a PlainRequest, or undefined for anything Apollo should look at (extensions, a batch, odd types). */
export function plainRequest(body: unknown): PlainRequest | undefined {
  if (!isRecord(body) || typeof body.query !== 'string' || body.query === '') return undefined;
  for (const key of Object.keys(body)) if (!BODY_KEYS.has(key)) return undefined;
  const { variables, operationName } = body;
  if (variables !== undefined && variables !== null && !isRecord(variables)) return undefined;
  if (operationName !== undefined && operationName !== null && (typeof operationName !== 'string' || !NAME.test(operationName))) return undefined;
  return { query: body.query, operationName: operationName ?? undefined, variables: variables ?? undefined };
}

/** Accept headers Apollo answers with `application/json; charset=utf-8` (no header at all, too). */
const JSON_ACCEPTS = new Set(['*/*', 'application/json', 'application/json; charset=utf-8']);

/** Whether a POST with these headers gets Apollo's plain JSON answer: a JSON body, and an answer the client takes as JSON. */
export function plainJsonHeaders(contentType: string | undefined, accept: string | undefined): boolean {
  if (contentType === undefined || !/^application\/json\s*(?:;\s*charset=utf-8\s*)?$/i.test(contentType)) return false;
  return accept === undefined || JSON_ACCEPTS.has(accept.trim().toLowerCase());
}

export interface PreparedOperation {
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
}

/** A text longer than this is not remembered: the memory a prepared query holds stays small. */
const MAX_QUERY_LENGTH = 20_000;

/** Query documents Apollo has accepted, by text and operation name; the least recently used go first. */
export class PreparedOperations {
  private readonly entries = new Map<string, PreparedOperation>();

  constructor(private readonly max: number) {}

  private static key(query: string, operationName: string | null | undefined): string {
    return `${operationName ?? ''}\n${query}`;
  }

  /** Files a document Apollo has validated and is about to execute; only queries (reads) are kept. */
  remember(query: string, operationName: string | null | undefined, prepared: PreparedOperation): void {
    if (this.max === 0 || prepared.operation.operation !== 'query' || query.length > MAX_QUERY_LENGTH) return;
    const key = PreparedOperations.key(query, operationName);
    if (this.entries.has(key)) return;
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, prepared);
  }

  find(request: PlainRequest): PreparedOperation | undefined {
    const key = PreparedOperations.key(request.query, request.operationName);
    const found = this.entries.get(key);
    if (found !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, found);
    }
    return found;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** An answer as Apollo would have written it. */
export interface PreparedAnswer {
  readonly status: number;
  readonly headers: ReadonlyMap<string, string>;
  readonly body: string;
  /** What the client got, for the request log. */
  readonly errors: readonly GraphQLFormattedError[] | undefined;
}

export interface PreparedExecution<TContext> {
  readonly schema: GraphQLSchema;
  readonly prepared: PreparedOperation;
  readonly request: PlainRequest;
  /** Makes the request's context; called only once the fast path has decided to answer. */
  readonly context: () => TContext;
  /** The operation's cost under the limits, or the limit's GraphQLError thrown (QueryLimits.verdict). */
  readonly verdict: (document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>) => number;
  /** Called once the limits have let the operation through and before anything runs. */
  readonly onStart: (cost: number) => void;
  /** Called with each error as execution returns it, before it is formatted (Apollo's didEncounterErrors). */
  readonly onError: (error: GraphQLError) => void;
  readonly formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  /** The last word on the errors the client gets (the limits plugin's willSendResponse). */
  readonly finalErrors: (errors: GraphQLFormattedError[]) => GraphQLFormattedError[];
  readonly includeStacktrace: boolean;
}

interface Head {
  status: number | undefined;
  readonly headers: Map<string, string>;
}

const isHttpHead = (value: unknown): value is { status?: number; headers?: Map<string, string> } =>
  isRecord(value) && (!('status' in value) || typeof value.status === 'number') && (!('headers' in value) || value.headers instanceof Map);

/** Anything thrown, as Apollo's ensureGraphQLError makes a GraphQLError of it. */
const asGraphQLError = (thrown: unknown): GraphQLError =>
  thrown instanceof GraphQLError
    ? thrown
    : thrown instanceof Error
      ? new GraphQLError(thrown.message, { originalError: thrown })
      : new GraphQLError(`Unexpected error value: ${String(thrown)}`);

/** An error as Apollo's normalizeAndFormatErrors shapes it before formatError: a code always, its HTTP head moved to the response. */
function enrich(error: GraphQLError, head: Head, includeStacktrace: boolean): GraphQLFormattedError {
  const extensions: Record<string, unknown> = { ...error.extensions, code: error.extensions.code ?? ErrorCode.INTERNAL_SERVER_ERROR };
  const http = extensions.http;
  if (isHttpHead(http)) {
    if (http.status) head.status = http.status;
    for (const [name, value] of http.headers ?? []) head.headers.set(name, value);
    delete extensions.http;
  }
  if (includeStacktrace) extensions.stacktrace = error.stack?.split('\n');
  return { ...error.toJSON(), extensions };
}

/**
 * Executes a remembered query for a plain request; undefined, with nothing run, when Apollo
 * should answer it instead (a limit refuses it, or its variables do not fit their types).
 */
export async function executePrepared<TContext>(run: PreparedExecution<TContext>): Promise<PreparedAnswer | undefined> {
  const { schema, prepared, request } = run;
  const variables = request.variables ?? {};
  let cost: number;
  try {
    cost = run.verdict(prepared.document, prepared.operation, variables);
  } catch (error) {
    if (error instanceof GraphQLError) return undefined;
    throw error;
  }
  if ('errors' in getVariableValues(schema, prepared.operation.variableDefinitions ?? [], variables, { maxErrors: 1 })) return undefined;

  run.onStart(cost);
  const result = await execute({
    schema,
    document: prepared.document,
    contextValue: run.context(),
    variableValues: request.variables,
    operationName: request.operationName,
  });
  const head: Head = { status: undefined, headers: new Map() };
  let errors: GraphQLFormattedError[] | undefined;
  if (result.errors !== undefined) {
    for (const error of result.errors) run.onError(error);
    errors = run.finalErrors(
      result.errors.map((error) => {
        try {
          return run.formatError(enrich(error, head, run.includeStacktrace), error);
        } catch (formattingError) {
          if (run.includeStacktrace) return enrich(asGraphQLError(formattingError), head, true);
          return { message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
        }
      }),
    );
  }
  if (!head.headers.has('content-type')) head.headers.set('content-type', 'application/json; charset=utf-8');
  return {
    status: head.status ?? 200,
    headers: head.headers,
    body: `${JSON.stringify({ errors, data: result.data, extensions: result.extensions })}\n`,
    errors,
  };
}
