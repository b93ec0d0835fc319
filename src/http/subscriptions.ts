/**
 * GraphQL subscriptions over a WebSocket on the API's own port and path (/graphql), in
 * graphql-ws's graphql-transport-ws protocol. The socket carries subscriptions only: queries
 * and mutations keep the HTTP path, with its deadline, response budget and log line.
 *
 * A subscription is checked in full before it is accepted, and refused with an `error`
 * message otherwise: the query limits of limits.ts (tokens, depth, aliases, directives,
 * cost, page sizes), at most SUBSCRIPTIONS_PER_CONNECTION open on one connection, and its
 * arguments (src/graph/live/changes.ts opens the stream here, so a bad filter or sequence is
 * refused at subscribe time too, not after it was accepted). Each change is then executed
 * with the subscription's selection in a context made afresh for it (SubscriptionContext),
 * with its own loaders, deadline and response budget. Reads need no API key, as over HTTP.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  createSourceEventStream,
  execute,
  getOperationAST,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
// graphql-ws names its ws adapter only in package.json "exports", which this project's
// TypeScript module resolution (node) does not read: the types come by file, the code by its exported name.
import type * as WsAdapter from 'graphql-ws/dist/use/ws.cjs';
import { WebSocketServer } from 'ws';
import type { ApiKey } from '../auth/api-keys';
import { createContext, type Context } from '../context';
import type { Neo4jGateway } from '../db/gateway';
import { startDeadline } from '../deadline';
import { limitExceeded } from '../errors';
import type { StatementFeed } from '../graph/live/feed';
import type { LiveContext } from '../graph/live/changes';
import { clientErrors, type ErrorFormat } from './format-error';
import type { QueryLimits } from './limits';
import { RequestLog, type HttpContext, type LogSink } from './request-log';

export interface SubscriptionSetup {
  readonly httpServer: Server;
  readonly schema: GraphQLSchema;
  readonly gateway: Neo4jGateway;
  readonly apiKeys: readonly ApiKey[];
  readonly limits: QueryLimits<HttpContext>;
  readonly format: ErrorFormat;
  readonly feed: StatementFeed;
  readonly log: LogSink;
  /** SUBSCRIPTIONS_PER_CONNECTION. */
  readonly perConnection: number;
  /** The largest message a client may send (MAX_BODY_BYTES). */
  readonly maxMessageBytes: number;
  readonly maxResponseBytes: number;
  /** Each change's execution gets this budget (REQUEST_TIMEOUT_MS). */
  readonly requestTimeoutMs: number;
}

export interface SubscriptionServer {
  /** Ends every subscription and closes every socket (1001, going away), then resolves. */
  close(): Promise<void>;
}

/**
 * The context of one subscription: the feed, and a request context that `renew` replaces
 * before each change, so each change is answered as a request of its own would be.
 */
class SubscriptionContext implements LiveContext {
  private current: Context;

  constructor(
    private readonly make: () => Context,
    readonly live: StatementFeed,
    readonly log: LogSink,
  ) {
    this.current = make();
  }

  renew(): void {
    this.current = this.make();
  }

  get requestId(): string {
    return this.current.requestId;
  }
  get gateway(): Context['gateway'] {
    return this.current.gateway;
  }
  get db(): Context['db'] {
    return this.current.db;
  }
  get trips(): Context['trips'] {
    return this.current.trips;
  }
  get deadline(): Context['deadline'] {
    return this.current.deadline;
  }
  get loaders(): Context['loaders'] {
    return this.current.loaders;
  }
  get authorized(): boolean {
    return this.current.authorized;
  }
  get caller(): Context['caller'] {
    return this.current.caller;
  }
  get extractor(): Context['extractor'] {
    return this.current.extractor;
  }
  get responseBudget(): Context['responseBudget'] {
    return this.current.responseBudget;
  }
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { useServer } = require('graphql-ws/use/ws') as typeof WsAdapter;

/** How long a client has to answer the server's close before its socket is cut. */
const CLOSE_GRACE_MS = 2_000;

const badRequest = (message: string): GraphQLError => new GraphQLError(message, { extensions: { code: 'BAD_REQUEST' } });

/** The accepted subscriptions' streams, until graphql-ws asks `subscribe` for them. */
type Opened = { readonly stream: AsyncIterator<unknown> };

export function serveSubscriptions(setup: SubscriptionSetup): SubscriptionServer {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: setup.maxMessageBytes });
  let closing = false;
  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    if (closing || new URL(req.url ?? '/', 'http://localhost').pathname !== '/graphql') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => sockets.emit('connection', ws, req));
  };
  setup.httpServer.on('upgrade', upgrade);
  const disposable = useServer<Record<string, unknown> | undefined>(graphqlWsHooks(setup), sockets);

  return {
    async close() {
      closing = true;
      setup.httpServer.off('upgrade', upgrade);
      for (const client of sockets.clients) client.close(1001, 'Server shutting down');
      // A client that does not answer the close would otherwise hold the stop for ws's 30 s.
      const cutOff = setTimeout(() => {
        for (const client of sockets.clients) client.terminate();
      }, CLOSE_GRACE_MS);
      cutOff.unref();
      await disposable.dispose();
      clearTimeout(cutOff);
    },
  };
}

type Hooks = Parameters<typeof useServer<Record<string, unknown> | undefined>>[0];

/** graphql-ws's hooks: a subscription is opened (or refused) at subscribe time, logged under its own request id, and its errors are shaped as over HTTP. */
function graphqlWsHooks(setup: SubscriptionSetup): Hooks {
  const opened = new WeakMap<object, Opened>();
  const logs = new Map<string, RequestLog>();
  const logOf = (id: string): RequestLog => logs.get(id) ?? new RequestLog(setup.log, undefined);
  return {
    schema: setup.schema,
    onSubscribe: async (ctx, id, payload) => {
      const log = new RequestLog(setup.log, undefined);
      log.named(payload.operationName ?? null);
      const authorization = typeof ctx.connectionParams?.authorization === 'string' ? ctx.connectionParams.authorization : undefined;
      const accepted = await openSubscription(setup, payload, log, Object.keys(ctx.subscriptions).length, authorization);
      if (Array.isArray(accepted)) return accepted;
      opened.set(accepted.args.contextValue as object, { stream: accepted.stream });
      logs.set(id, log);
      setup.log({ level: 'info', msg: 'subscribed', requestId: log.requestId, operation: payload.operationName ?? null });
      return accepted.args;
    },
    subscribe: (args) => {
      const found = opened.get(args.contextValue as object);
      if (found === undefined) throw new Error('a subscription reached execution without being opened by onSubscribe');
      return responses(found.stream, args);
    },
    onNext: (_ctx, id, _payload, _args, result) =>
      result.errors === undefined ? undefined : { ...result, errors: clientErrors(result.errors, setup.format, logOf(id)) },
    onComplete: (_ctx, id) => {
      const log = logs.get(id);
      logs.delete(id);
      if (log) setup.log({ level: 'info', msg: 'subscription ended', requestId: log.requestId });
    },
  };
}

/**
 * Checks a subscription (the connection's count `open` included, against
 * SUBSCRIPTIONS_PER_CONNECTION) and opens its stream; or says, as errors, why it is refused.
 */
async function openSubscription(
  setup: SubscriptionSetup,
  payload: SubscribePayload,
  log: RequestLog,
  open: number,
  authorization: string | undefined,
): Promise<GraphQLError[] | { args: ExecutionArgs; stream: AsyncIterator<unknown> }> {
  const refuse = (errors: readonly unknown[]): GraphQLError[] =>
    clientErrors(errors, setup.format, log).map((e) => new GraphQLError(e.message, { extensions: e.extensions }));
  if (open > setup.perConnection) {
    return refuse([
      limitExceeded(
        `This connection has ${open - 1} subscriptions open; the limit is ${setup.perConnection} (SUBSCRIPTIONS_PER_CONNECTION). Complete one first, or open another connection.`,
        'SUBSCRIPTIONS_PER_CONNECTION',
        setup.perConnection,
        open,
      ),
    ]);
  }
  const checked = checkOperation(setup, payload);
  if (Array.isArray(checked)) return refuse(checked);
  const contextValue = new SubscriptionContext(
    () =>
      createContext(setup.gateway, {
        authorization,
        apiKeys: setup.apiKeys,
        requestId: log.requestId,
        deadline: startDeadline(setup.requestTimeoutMs),
        maxResponseBytes: setup.maxResponseBytes,
      }),
    setup.feed,
    setup.log,
  );
  const args: ExecutionArgs = { schema: setup.schema, document: checked as DocumentNode, variableValues: payload.variables, operationName: payload.operationName, contextValue };
  const stream = await createSourceEventStream(args);
  if (!isStream(stream)) return refuse(stream.errors ?? []);
  return { args, stream: stream[Symbol.asyncIterator]() };
}

/** The operation's document when it is a subscription within every query limit; otherwise the errors to refuse it with. */
function checkOperation(setup: SubscriptionSetup, payload: SubscribePayload): DocumentNode | unknown[] {
  let document: DocumentNode;
  try {
    document = parse(payload.query, setup.limits.parseOptions);
  } catch (error) {
    // Restated by format-error.ts as MAX_TOKENS when it is the parser's token limit.
    return [new GraphQLError((error as Error).message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
  }
  const operation = getOperationAST(document, payload.operationName);
  if (!operation) return [badRequest(`The document must hold one operation, or name the one to run; received operationName ${JSON.stringify(payload.operationName ?? null)}.`)];
  if (operation.operation !== 'subscription') {
    return [badRequest(`The WebSocket carries subscriptions only; received a ${operation.operation}. Send queries and mutations as HTTP POST to /graphql.`)];
  }
  const invalid = validate(setup.schema, document, [...specifiedRules, ...setup.limits.validationRules]);
  if (invalid.length > 0) return [...invalid];
  try {
    setup.limits.verdict(setup.schema, document, operation, payload.variables ?? {});
  } catch (error) {
    return [error];
  }
  return document;
}

const isStream = (value: AsyncIterable<unknown> | ExecutionResult): value is AsyncIterable<unknown> => Symbol.asyncIterator in value;

/**
 * Each event of `stream` executed with the subscription's selection, as graphql-js's own
 * `subscribe` would, but over the stream onSubscribe already opened. Ending it ends the stream.
 * A GraphQLError the stream ends with (src/graph/live: SEQUENCE_LOST) is its last result, so
 * the client reads the code before graphql-ws completes the subscription.
 */
function responses(stream: AsyncIterator<unknown>, args: ExecutionArgs): AsyncIterableIterator<ExecutionResult> {
  let ended = false;
  const end = async (): Promise<IteratorReturnResult<undefined>> => {
    ended = true;
    await stream.return?.();
    return { value: undefined, done: true };
  };
  return {
    async next() {
      if (ended) return { value: undefined, done: true };
      let event: IteratorResult<unknown>;
      try {
        event = await stream.next();
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        ended = true;
        return { value: { errors: [error] }, done: false };
      }
      if (event.done) return { value: undefined, done: true };
      return { value: await execute({ ...args, rootValue: event.value }), done: false };
    },
    return: end,
    async throw(error: unknown) {
      await end();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
