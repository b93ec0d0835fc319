/**
 * The API's HTTP server: Apollo Server on a plain node:http server, with the health probes,
 * an optional hook for more routes, and a drain on shutdown that loses no answer (drain.ts). Every request is held
 * to the limits and time budget of SECURITY.md, and gets one JSON log line with its id,
 * operation, duration, database round trips and outcome. README.md in this folder gives the
 * order a request takes through the files.
 */
import type { ApiKey } from '../auth/api-keys';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLSchema } from 'graphql';
import { DEFAULT_EXTRACTION, DEFAULT_LIMITS, DEFAULT_LIVE, DEFAULT_PREPARED_QUERIES, DEFAULT_TIMEOUTS, type Limits, type LiveSettings } from '../config';
import type { Neo4jGateway } from '../db/gateway';
import { socketLimitMs } from '../deadline';
import { ExtractionPool, type PoolOptions } from '../extract/extract.pool';
import { DEFAULT_FEED, StatementFeed } from '../graph/live/feed';
import { startApollo } from './apollo';
import { Drain } from './drain';
import { PreparedOperations } from './fast-path';
import type { ErrorFormat } from './format-error';
import type { GraphQLEndpoint } from './graphql';
import { queryLimits } from './limits';
import { countStringBytes } from './response-budget';
import { jsonLog, type HttpContext, type LogSink } from './request-log';
import { handleRequest, type Router, type Routes } from './routes';
import { serveSubscriptions } from './subscriptions';
import { WarmUp } from './warm-up';

export interface ServerOptions {
  readonly schema: GraphQLSchema;
  readonly gateway: Neo4jGateway;
  readonly host: string;
  readonly port: number;
  readonly apiKeys: readonly ApiKey[];
  /** Masks internal errors and hides stack traces and "Did you mean" suggestions. */
  readonly production: boolean;
  /** Whether clients may query __schema and __type; default true. */
  readonly introspection?: boolean;
  /** Any limit left out takes its default (DEFAULT_LIMITS in src/config.ts). */
  readonly limits?: Partial<Limits>;
  /** Budget for a whole request; default DEFAULT_TIMEOUTS.requestMs. */
  readonly requestTimeoutMs?: number;
  /** Query texts answered again without Apollo's per-request pipeline (fast-path.ts); default DEFAULT_PREPARED_QUERIES, 0 for none. */
  readonly preparedQueries?: number;
  readonly log?: LogSink;
  /** The worker threads of `extractArticle`; anything left out takes DEFAULT_EXTRACTION (src/config.ts). */
  readonly extraction?: Partial<PoolOptions>;
  /**
   * More routes (the explorer's pages): called for any path other than /graphql and
   * /health/*, before the 404. Resolve true when it has answered the request.
   */
  readonly routes?: Routes;
  /** False once the process cannot serve again by itself (its Neo4j could not be restarted): /health/live then fails. */
  readonly alive?: () => boolean;
  /** Run the main queries once before /health/ready answers 200 (warm-up.ts); default false. */
  readonly warmUp?: boolean;
  /** How long stop() lets requests in flight run; default: as long as node lets one run. */
  readonly drainMs?: number;
  /** Subscriptions over WebSocket; anything left out takes DEFAULT_LIVE (src/config.ts). */
  readonly live?: Partial<LiveSettings>;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** The extraction workers, for their 'change' events and state. */
  readonly extraction: ExtractionPool;
  /**
   * Stops taking connections, lets the requests in flight finish (drain.ts), then resolves;
   * `listeningStopped` is called once no new connection is accepted.
   */
  stop(listeningStopped?: () => void): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_TIMEOUTS.requestMs;
  const httpServer = http.createServer();
  // node's own cap on a request that never finishes arriving; the deadline answers first.
  httpServer.requestTimeout = socketLimitMs(requestTimeoutMs);

  const shape = queryLimits<HttpContext>(limits, (cost, context) => context.log.priced(cost));
  const prepared = new PreparedOperations(options.preparedQueries ?? DEFAULT_PREPARED_QUERIES);
  const format: ErrorFormat = { production: options.production, finalErrors: shape.finalErrors };
  countStringBytes(options.schema);
  const apollo = await startApollo({ schema: options.schema, format, introspection: options.introspection ?? true, limits: shape, prepared });

  const extraction = new ExtractionPool({ ...DEFAULT_EXTRACTION, ...options.extraction });
  const log = options.log ?? jsonLog;
  const drain = new Drain(httpServer, log);
  let apolloStopped = false;
  const graphql: GraphQLEndpoint = {
    schema: options.schema,
    gateway: options.gateway,
    apiKeys: options.apiKeys,
    requestTimeoutMs,
    maxBodyBytes: limits.maxBodyBytes,
    maxResponseBytes: limits.maxResponseBytes,
    apollo,
    limits: shape,
    prepared,
    format,
    fastPathOpen: () => !apolloStopped,
    extractor: extraction,
  };
  let selfUrl = '';
  const router: Router = {
    gateway: options.gateway,
    graphql,
    routes: options.routes,
    log,
    alive: options.alive ?? (() => true),
    warmUp: options.warmUp ? new WarmUp(options.gateway, () => selfUrl) : null,
  };
  const liveSettings = { ...DEFAULT_LIVE, ...options.live };
  const feed = new StatementFeed(options.gateway, { ...DEFAULT_FEED, pollMs: liveSettings.pollMs, log });
  const subscriptions = serveSubscriptions({
    httpServer,
    schema: options.schema,
    gateway: options.gateway,
    apiKeys: options.apiKeys,
    limits: shape,
    format,
    feed,
    log,
    perConnection: liveSettings.subscriptionsPerConnection,
    maxMessageBytes: limits.maxBodyBytes,
    maxResponseBytes: limits.maxResponseBytes,
    requestTimeoutMs,
  });
  httpServer.on('request', (req, res) => {
    drain.track(req, res);
    handleRequest(router, req, res);
  });
  const port = await listen(httpServer, options.port, options.host);
  const url = `http://${options.host}:${port}/graphql`;
  // A server on every interface is asked on loopback.
  const self = ['0.0.0.0', '::'].includes(options.host) ? '127.0.0.1' : options.host;
  selfUrl = `http://${self.includes(':') ? `[${self}]` : self}:${port}/graphql`;
  router.warmUp?.start();

  let stopping: Promise<void> | undefined;
  const stop = async (listeningStopped?: () => void): Promise<void> => {
    // Subscriptions have no end of their own to wait for: their sockets close first (1001, so
    // clients reconnect elsewhere with their last sequence rather than see them complete), then the poller stops.
    await subscriptions.close();
    feed.stop();
    await drain.drain(options.drainMs ?? socketLimitMs(requestTimeoutMs), listeningStopped);
    apolloStopped = true;
    await apollo.stop();
    await extraction.close();
  };
  return { url, port, extraction, stop: (listeningStopped) => (stopping ??= stop(listeningStopped)) };
}

function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}
