/**
 * Queries answered again without Apollo's per-request pipeline.
 *
 * Apollo takes every request through the same steps, whatever it asks: hash the text, look
 * the parsed document up, call each plugin at each stage, negotiate the content type, and
 * write the answer out. For a repeated query those steps are a share of the server's CPU
 * worth saving on a lookup or a page (measured in docs/bench-findings.md, finding 21). Once Apollo
 * has parsed a query, validated it (every rule, the limits and the introspection switch)
 * and started to execute it, its document is remembered here under the text. A later plain
 * request with the same text is executed directly, by a function compiled for the operation
 * (compiled.ts; graphql-js's `execute` for one graphql-jit cannot compile or must not be
 * given), with the same
 * context, limits, log and error formatting (format-error.ts, which both paths call on the
 * errors as thrown).
 *
 * The fast path decides before any resolver runs: when the request is anything but a JSON
 * POST of a remembered query that Apollo would answer with `application/json`, when its
 * limits refuse it, or when its variables do not fit, `executePrepared` declines and Apollo
 * answers the request from the start. test/integration/prepared.test.ts checks that both
 * paths give the same status, headers and body, errors included.
 */
import { execute, getVariableValues, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLFormattedError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { CompiledQuery } from 'graphql-jit';
import { compiledOperation, executeCompiled } from './compiled';

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

/** An answer as Apollo writes one: the GraphQL-over-HTTP JSON body, one line. */
export interface PreparedAnswer {
  readonly status: number;
  readonly contentType: string;
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
  /** The errors as the client gets them, from the errors as execution returned them (format-error.ts). */
  readonly clientErrors: (errors: readonly GraphQLError[]) => GraphQLFormattedError[];
  /** The data as the client gets it (QueryLimits.finalData). */
  readonly finalData: <D>(data: D, context: TContext) => D | null;
}

/**
 * The response's status: the last one an error asks for in `extensions.http` (errors.ts
 * sets it for SERVICE_UNAVAILABLE, say), else 200, as Apollo documents for that extension.
 */
function statusOf(errors: readonly GraphQLError[] | undefined): number {
  let status = 200;
  for (const error of errors ?? []) {
    const http = error.extensions.http as { status?: unknown } | undefined;
    if (typeof http?.status === 'number' && http.status > 0) status = http.status;
  }
  return status;
}

/** Each prepared operation compiled at its first execution here; null for one graphql-jit cannot compile. */
const compiledOperations = new WeakMap<PreparedOperation, CompiledQuery | null>();

function compiledFor(schema: GraphQLSchema, prepared: PreparedOperation): CompiledQuery | null {
  let compiled = compiledOperations.get(prepared);
  if (compiled === undefined) compiledOperations.set(prepared, (compiled = compiledOperation(schema, prepared.document, prepared.operation.name?.value)));
  return compiled;
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
  const contextValue = run.context();
  const compiled = compiledFor(schema, prepared);
  const result: ExecutionResult =
    compiled === null
      ? await execute({ schema, document: prepared.document, contextValue, variableValues: request.variables, operationName: request.operationName })
      : await executeCompiled(compiled, contextValue, request.variables);
  const errors = result.errors === undefined ? undefined : run.clientErrors(result.errors);
  return {
    status: statusOf(result.errors),
    contentType: 'application/json; charset=utf-8',
    body: `${JSON.stringify({ errors, data: run.finalData(result.data, contextValue), extensions: result.extensions })}\n`,
    errors,
  };
}
