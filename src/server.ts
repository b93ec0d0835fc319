/**
 * Apollo Server on a plain node:http server: /graphql, the health probes, an optional hook
 * for more routes, and a graceful drain on shutdown. Every request is held to the limits
 * and time budget of SECURITY.md, and gets one JSON log line with its id, operation,
 * duration, database round trips and outcome, whether it ran or was turned away.
 */
import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, NoSchemaIntrospectionCustomRule, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { DEFAULT_LIMITS, DEFAULT_PREPARED_QUERIES, DEFAULT_TIMEOUTS, type Limits } from './config';
import { createContext, type Context } from './context';
import type { Neo4jGateway, RoundTrips } from './db/gateway';
import { ErrorCode, translateDriverError } from './errors';
import { queryLimits, tokenLimitError } from './limits';
import { PreparedOperations, executePrepared, plainJsonHeaders, plainRequest } from './prepared';

export interface ServerOptions {
  readonly schema: GraphQLSchema;
  readonly gateway: Neo4jGateway;
  readonly host: string;
  readonly port: number;
  readonly apiKeys: readonly string[];
  /** Masks internal errors and hides stack traces and "Did you mean" suggestions. */
  readonly production: boolean;
  /** Whether clients may query __schema and __type; default true. */
  readonly introspection?: boolean;
  /** Any limit left out takes its default (DEFAULT_LIMITS in src/config.ts). */
  readonly limits?: Partial<Limits>;
  /** Budget for a whole request; default DEFAULT_TIMEOUTS.requestMs. */
  readonly requestTimeoutMs?: number;
  /** Query texts answered again without Apollo's per-request pipeline (src/prepared.ts); default DEFAULT_PREPARED_QUERIES, 0 for none. */
  readonly preparedQueries?: number;
  readonly log?: (entry: Record<string, unknown>) => void;
  /**
   * More routes (the explorer page): called for any path other than /graphql and
   * /health/*, before the 404. Resolve true when it has answered the request.
   */
  readonly routes?: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** Stops taking requests, lets the ones in flight finish, then resolves. */
  stop(): Promise<void>;
}

const jsonLog = (entry: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
};

/** What the log line of one request needs, filled in as the request moves along. */
interface RequestScope {
  readonly requestId: string;
  operation: string | null;
  /** True once execution started: until then nothing reached Neo4j. */
  executed: boolean;
  context: Context | undefined;
  cost: number | undefined;
  /** The codes of the errors the client got. */
  codes: string[];
  /** True when the fast path answered, without Apollo's pipeline (src/prepared.ts). */
  prepared: boolean;
}

/**
 * The request an error belongs to, filed by the request plugin as Apollo reports the
 * errors, so that formatError (which Apollo calls with the error alone) can put the request
 * id in a masked message and the log. The scope travels explicitly, not in an
 * AsyncLocalStorage: that turns on node's promise hooks for every promise of the process,
 * which cost about a quarter of the server's CPU per request on a statement lookup (BENCHMARKS.md,
 * finding F9).
 */
const errorScopes = new WeakMap<object, RequestScope>();

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL_SERVER_ERROR));

/** graphql-js suggests names close to a wrong one; outside development that maps the schema for a prober. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/** A request id from the client is kept when it is a plain token; otherwise a new one is made. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** After the deadline, the transaction is cancelled by Neo4j; this much later the response goes out regardless. */
const DEADLINE_GRACE_MS = 1_000;

/** /health/ready answers within this, even when Neo4j does not answer at all. */
const READY_TIMEOUT_MS = 2_000;

/**
 * Errors with a known code reach the client as they are; anything else is an internal
 * fault: the client gets a masked message with the request id, the log gets the detail.
 * In production no message carries a "Did you mean ...?" suggestion.
 */
export function formatError(production: boolean, log: (entry: Record<string, unknown>) => void) {
  const client = (formatted: GraphQLFormattedError): GraphQLFormattedError =>
    production ? { ...formatted, message: formatted.message.replace(SUGGESTION, '') } : formatted;
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = translateDriverError(unwrapResolverError(error));
    // Apollo wraps a validation rule's error in its own (GRAPHQL_VALIDATION_FAILED); a limit's code is one level down.
    const known = [original, original instanceof GraphQLError ? original.originalError : undefined].find(
      (e): e is GraphQLError => e instanceof GraphQLError && KNOWN_CODES.has(String(e.extensions.code)),
    );
    if (known) {
      return client({ ...formatted, message: known.message, extensions: { ...formatted.extensions, ...known.extensions, http: undefined } });
    }
    const tokens = tokenLimitError(formatted);
    if (tokens) return client({ message: tokens.message, extensions: { ...tokens.extensions, http: undefined } });
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR) return client(formatted);

    const requestId = typeof error === 'object' && error !== null ? errorScopes.get(error)?.requestId : undefined;
    log({
      level: 'error',
      msg: 'internal error',
      requestId: requestId ?? null,
      path: formatted.path ?? null,
      error: original instanceof Error ? (original.stack ?? original.message) : String(original),
    });
    if (!production) return client({ ...formatted, extensions: { ...formatted.extensions, requestId } });
    return client({
      message: requestId ? `Internal server error; the log has the details under request id ${requestId}.` : 'Internal server error.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId },
    });
  };
}

class HttpRejection extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Reads the body, refusing at once (413) a body that says or turns out to be larger than `limit`. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = (): HttpRejection =>
    new HttpRejection(
      413,
      ErrorCode.PAYLOAD_TOO_LARGE,
      `The request body is larger than ${limit} bytes, the limit (MAX_BODY_BYTES). Send a shorter query, or pass large values in smaller parts.`,
    );
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      reject(tooLarge());
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The codes of a response's errors, for the request log. */
const codesOf = (errors: readonly { readonly extensions?: { readonly code?: unknown } }[] | undefined): string[] =>
  (errors ?? []).map((e) => String(e.extensions?.code ?? 'UNKNOWN'));

/** The codes of the errors in a GraphQL response body. */
function errorCodes(body: string): string[] {
  try {
    return codesOf((JSON.parse(body) as { errors?: { extensions?: { code?: unknown } }[] }).errors);
  } catch {
    return [];
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** A GraphQL-shaped error response for a request refused before Apollo saw it. */
function sendError(res: ServerResponse, scope: RequestScope, status: number, code: string, message: string): void {
  scope.codes.push(code);
  const headers: Record<string, string> = {};
  // The rest of a refused body is not read: the connection closes after the answer.
  if (status === 413 || status >= 500) headers.connection = 'close';
  sendJson(res, status, { errors: [{ message, extensions: { code, requestId: scope.requestId } }] }, headers);
}

/** The request's path and query; a target that is no URL at all (e.g. `http://[`) becomes one that is not found. */
function requestUrl(target: string | undefined): URL {
  try {
    return new URL(target ?? '/', 'http://localhost');
  } catch {
    return new URL('http://localhost/.invalid-request-target');
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? jsonLog;
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_TIMEOUTS.requestMs;
  const introspection = options.introspection ?? true;
  const httpServer = http.createServer();
  // node's own cap on a request that never finishes arriving; our deadline answers first.
  httpServer.requestTimeout = requestTimeoutMs + 10_000;

  /**
   * Each GraphQL request's scope, found from the context Apollo hands to plugins. That is a
   * shallow copy of the one we made, so the scope is filed under an object the copy shares:
   * the request's round-trip counter.
   */
  const scopes = new WeakMap<RoundTrips, RequestScope>();
  const prepared = new PreparedOperations(options.preparedQueries ?? DEFAULT_PREPARED_QUERIES);
  let stopping: Promise<void> | undefined;
  const shape = queryLimits<Context>(limits, (cost, context) => {
    const scope = scopes.get(context.trips);
    if (scope) scope.cost = cost;
  });

  const requestTracking: ApolloServerPlugin<Context> = {
    async requestDidStart({ request, contextValue }) {
      const scope = scopes.get(contextValue.trips);
      if (scope) scope.operation = request.operationName ?? null;
      return {
        async didEncounterErrors({ errors }) {
          if (scope) for (const error of errors) errorScopes.set(error, scope);
        },
        async didResolveOperation({ operationName }) {
          if (scope && operationName) scope.operation = operationName;
        },
        async executionDidStart({ request: { query, operationName, extensions, http }, document, operation }) {
          if (scope) scope.executed = true;
          // Remembered for the fast path only when Apollo has seen a plain POST of it. Apollo
          // starts execution even when the operation name matches no operation (and then
          // answers 400), so `operation` can be missing whatever its type says.
          const resolved = operation as typeof operation | undefined;
          if (resolved !== undefined && query !== undefined && extensions === undefined && http?.method === 'POST') prepared.remember(query, operationName, { document, operation: resolved });
        },
        async willSendResponse({ response }) {
          // What the client gets: the limits plugin (before this one) may have dropped some errors.
          if (scope && response.body.kind === 'single') {
            scope.codes = codesOf(response.body.singleResult.errors);
          }
        },
      };
    },
  };

  const formatGraphQLError = formatError(options.production, log);
  const apollo = new ApolloServer<Context>({
    schema: options.schema,
    // Turned off by graphql-js's rule below instead, whose message says what happened.
    introspection: true,
    includeStacktraceInErrorResponses: !options.production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // main.ts owns SIGTERM/SIGINT. Apollo's own handler would call stop() beside ours, and
    // Apollo 5 never resolves a second, concurrent stop(): the process would hang on exit.
    stopOnTerminationSignals: false,
    parseOptions: shape.parseOptions,
    validationRules: [...shape.validationRules, ...(introspection ? [] : [NoSchemaIntrospectionCustomRule])],
    formatError: formatGraphQLError,
    // Apollo installs its cache-control plugin unless told not to; its per-field hook makes
    // Apollo wrap every resolver of the schema, trivial property reads included, for
    // Cache-Control headers this API does not send (BENCHMARKS.md, finding F4).
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginCacheControlDisabled(), shape.plugin, requestTracking],
  });
  await apollo.start();

  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const started = process.hrtime.bigint();
    const url = requestUrl(req.url);
    const given = req.headers['x-request-id'];
    const scope: RequestScope = {
      requestId: typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID(),
      operation: null,
      executed: false,
      context: undefined,
      cost: undefined,
      codes: [],
      prepared: false,
    };
    res.setHeader('x-request-id', scope.requestId);
    if (!url.pathname.startsWith('/health/')) {
      // 'finish' once the answer is handed to the OS; 'close' alone when the client left first.
      let logged = false;
      const logRequest = (): void => {
        if (logged) return;
        logged = true;
        const failed = scope.codes.length > 0 || res.statusCode >= 400;
        log({
          level: 'info',
          msg: 'request',
          requestId: scope.requestId,
          method: req.method,
          path: url.pathname,
          status: res.statusCode,
          operation: scope.operation,
          durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
          roundTrips: scope.context?.trips.count ?? 0,
          cost: scope.cost,
          outcome: !failed ? 'ok' : scope.executed ? 'error' : 'rejected',
          errors: scope.codes.length > 0 ? [...new Set(scope.codes)] : undefined,
          aborted: res.writableFinished ? undefined : true,
          prepared: scope.prepared || undefined,
        });
      };
      res.once('finish', logRequest);
      res.once('close', logRequest);
    }
    void handle(req, res, url, scope).catch((error: unknown) => {
      log({ level: 'error', msg: 'unhandled request error', requestId: scope.requestId, error: error instanceof Error ? error.stack : String(error) });
      if (!res.headersSent) sendError(res, scope, 500, ErrorCode.INTERNAL_SERVER_ERROR, `Internal server error; the log has the details under request id ${scope.requestId}.`);
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL, scope: RequestScope): Promise<void> {
    if (url.pathname === '/health/live') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/health/ready') {
      try {
        await withTimeout(options.gateway.verify(), READY_TIMEOUT_MS);
        return sendJson(res, 200, { status: 'ok', neo4j: 'up' });
      } catch {
        return sendJson(res, 503, { status: 'unavailable', neo4j: 'down' });
      }
    }
    if (url.pathname !== '/graphql') {
      if (options.routes && (await options.routes(req, res, url))) return;
      if (url.pathname === '/') {
        res.writeHead(302, { location: '/graphql' });
        return void res.end();
      }
      return sendError(res, scope, 404, 'NOT_FOUND', `There is nothing at ${url.pathname}; the API is at /graphql.`);
    }

    const deadline = { at: Date.now() + requestTimeoutMs, ms: requestTimeoutMs };
    const backstop = setTimeout(() => {
      if (res.headersSent) return;
      sendError(
        res,
        scope,
        504,
        ErrorCode.TIMEOUT,
        `The request did not finish within its time budget of ${requestTimeoutMs} ms (REQUEST_TIMEOUT_MS) and was abandoned; ask for fewer items or a narrower filter.`,
      );
    }, requestTimeoutMs + DEADLINE_GRACE_MS);
    try {
      await answerGraphQL(req, res, url, scope, deadline);
    } finally {
      clearTimeout(backstop);
    }
  }

  async function answerGraphQL(req: IncomingMessage, res: ServerResponse, url: URL, scope: RequestScope, deadline: { at: number; ms: number }): Promise<void> {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown = undefined;
    if (req.method === 'POST') {
      let raw: Buffer;
      try {
        raw = await readBody(req, limits.maxBodyBytes);
      } catch (error) {
        if (res.headersSent) return;
        if (error instanceof HttpRejection) return sendError(res, scope, error.status, error.code, error.message);
        throw error;
      }
      const type = headers.get('content-type') ?? '';
      const text = raw.toString('utf8');
      if (/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
        try {
          body = text === '' ? undefined : JSON.parse(text);
        } catch {
          return sendError(res, scope, 400, 'BAD_REQUEST', 'The request body is not valid JSON; send {"query": "...", "variables": {...}} as application/json.');
        }
      } else {
        body = text;
      }
    }
    const contextFor = (): Context => {
      const context = createContext(options.gateway, { authorization: headers.get('authorization'), apiKeys: options.apiKeys, requestId: scope.requestId, deadline });
      scope.context = context;
      scopes.set(context.trips, scope);
      return context;
    };
    if (req.method === 'POST' && stopping === undefined && plainJsonHeaders(headers.get('content-type'), headers.get('accept'))) {
      if (await answerPrepared(res, body, scope, contextFor)) return;
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => contextFor(),
    });
    // The deadline's backstop may have answered already; what Apollo made late is dropped.
    if (res.headersSent) return;
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      // Apollo refuses some requests (no query, a CSRF-suspect GET) before any plugin runs.
      if (res.statusCode >= 400 && scope.codes.length === 0) scope.codes = errorCodes(response.body.string);
      return void res.end(response.body.string);
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  /**
   * Answers a plain POST of a query Apollo has accepted before, as Apollo would and with the
   * same log scope, without its per-request pipeline (src/prepared.ts). False, with nothing
   * run or sent, when Apollo should answer it.
   */
  async function answerPrepared(res: ServerResponse, body: unknown, scope: RequestScope, contextFor: () => Context): Promise<boolean> {
    const request = plainRequest(body);
    const found = request && prepared.find(request);
    if (request === undefined || found === undefined) return false;
    const answer = await executePrepared({
      schema: options.schema,
      prepared: found,
      request,
      context: contextFor,
      verdict: (document, operation, variables) => shape.verdict(options.schema, document, operation, variables),
      onStart: (cost) => {
        scope.operation = found.operation.name?.value ?? request.operationName ?? null;
        scope.cost = cost;
        scope.executed = true;
        scope.prepared = true;
      },
      onError: (error) => errorScopes.set(error, scope),
      formatError: formatGraphQLError,
      finalErrors: shape.finalErrors,
      includeStacktrace: !options.production,
    });
    if (answer === undefined) return false;
    scope.codes = codesOf(answer.errors);
    // The deadline's backstop may have answered already.
    if (res.headersSent) return true;
    for (const [name, value] of answer.headers) res.setHeader(name, value);
    res.statusCode = answer.status;
    res.end(answer.body);
    return true;
  }

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://${options.host}:${port}/graphql`,
    port,
    stop: () => (stopping ??= apollo.stop()),
  };
}
