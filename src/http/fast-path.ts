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
import { compiledOperation, startCompiled } from './compiled';

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

/** A remembered document, and when it was last asked for (PreparedOperations' clock). */
interface Remembered {
  readonly prepared: PreparedOperation;
  readonly name: string;
  readonly query: string;
  used: number;
}

/**
 * Query documents Apollo has accepted, by operation name and text; the least recently used go
 * first. Looked up by the two strings the request holds rather than by one joined from them,
 * and aged by a clock rather than moved to the end of an ordered map: the lookup is made for
 * every request, an eviction only when a new text arrives with the memory full, and that
 * request's parse and validation by Apollo cost far more than the scan for the oldest.
 */
export class PreparedOperations {
  private readonly byName = new Map<string, Map<string, Remembered>>();
  private count = 0;
  private clock = 0;

  constructor(private readonly max: number) {}

  /** Files a document Apollo has validated and is about to execute; only queries (reads) are kept. */
  remember(query: string, operationName: string | null | undefined, prepared: PreparedOperation): void {
    if (this.max === 0 || prepared.operation.operation !== 'query' || query.length > MAX_QUERY_LENGTH) return;
    const name = operationName ?? '';
    if (this.byName.get(name)?.has(query)) return;
    if (this.count >= this.max) this.forgetOldest();
    // Looked up after the eviction, which drops a name's map when its last text goes.
    let texts = this.byName.get(name);
    if (texts === undefined) this.byName.set(name, (texts = new Map()));
    texts.set(query, { prepared, name, query, used: ++this.clock });
    this.count += 1;
  }

  find(request: PlainRequest): PreparedOperation | undefined {
    const found = this.byName.get(request.operationName ?? '')?.get(request.query);
    if (found === undefined) return undefined;
    found.used = ++this.clock;
    return found.prepared;
  }

  get size(): number {
    return this.count;
  }

  private forgetOldest(): void {
    let oldest: Remembered | undefined;
    for (const texts of this.byName.values()) for (const entry of texts.values()) if (oldest === undefined || entry.used < oldest.used) oldest = entry;
    if (oldest === undefined) return;
    const texts = this.byName.get(oldest.name) as Map<string, Remembered>;
    texts.delete(oldest.query);
    if (texts.size === 0) this.byName.delete(oldest.name);
    this.count -= 1;
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
  /** Makes the request's context; called once the limits let the operation through, and dropped if its variables then do not fit. */
  readonly context: () => TContext;
  /** The operation's cost under the limits, or the limit's GraphQLError thrown (QueryLimits.verdict). */
  readonly verdict: (document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>) => number;
  /** Called once the limits and the variables have let the operation through, before its result is awaited. */
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
  const compiled = compiledFor(schema, prepared);
  // graphql-js decides which variables fit, as Apollo would: graphql-jit's own check accepts
  // some values graphql-js refuses (an empty list where an input object belongs).
  if ('errors' in getVariableValues(schema, prepared.operation.variableDefinitions ?? [], variables, { maxErrors: 1 })) return undefined;

  const contextValue = run.context();
  const execution =
    compiled === null
      ? execute({ schema, document: prepared.document, contextValue, variableValues: request.variables, operationName: request.operationName })
      : startCompiled(compiled, contextValue, request.variables);
  if (execution === undefined) return undefined;
  run.onStart(cost);
  const result: ExecutionResult = await execution;
  const errors = result.errors === undefined ? undefined : run.clientErrors(result.errors);
  return {
    status: statusOf(result.errors),
    contentType: 'application/json; charset=utf-8',
    body: `${JSON.stringify({ errors, data: run.finalData(result.data, contextValue), extensions: result.extensions })}\n`,
    errors,
  };
}
