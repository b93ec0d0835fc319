/**
 * Reads and validates the environment once, at start-up. Every problem is reported at
 * once, each naming its variable, so a bad deployment fails before it serves anything.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseApiKeys, type ApiKey } from './auth/api-keys';

export interface Neo4jConfig {
  /** null: start the embedded Neo4j launcher (see src/launcher/embedded-neo4j.ts). */
  readonly uri: string | null;
  readonly user: string;
  readonly password: string;
  readonly database: string | undefined;
}

export interface EmbeddedConfig {
  readonly dataDir: string;
  readonly port: number;
  readonly heap: string;
  readonly pageCache: string;
  /** How long a start waits for the launcher's ready line (NEO4J_START_TIMEOUT_MS); a slow disk or a busy machine may need more. */
  readonly startTimeoutMs: number;
}

/** The embedded Neo4j's start, from the JVM's launch to Bolt accepting queries (src/launcher/embedded-neo4j.ts). */
export const DEFAULT_START_TIMEOUT_MS = 120_000;

/**
 * What one request may ask for. Every limit is checked before any resolver runs, so a
 * request over a limit never reaches Neo4j. SECURITY.md has the table.
 */
export interface Limits {
  /** Nesting of fields, leaves included; fragments do not add a level. */
  readonly maxDepth: number;
  /** graphql-armor's cost estimate, with every `first` at the page size it will have. */
  readonly maxCost: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  /** Lexical tokens in the query text (names, punctuation, values). */
  readonly maxTokens: number;
  readonly maxBodyBytes: number;
  /** The largest `first` a connection accepts; at most PAGE.maxSize (100). */
  readonly maxPageSize: number;
  /** UTF-8 bytes of the string values one response may carry, counted while the result is built (src/http/response-budget.ts). */
  readonly maxResponseBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxDepth: 10,
  maxCost: 50_000,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 1_000,
  maxBodyBytes: 1_000_000,
  maxPageSize: 100,
  maxResponseBytes: 10_000_000,
};

/** Time budgets, in milliseconds. */
export interface Timeouts {
  /** A whole HTTP request, from arrival to response: over it, the answer is TIMEOUT. */
  readonly requestMs: number;
  /** One Neo4j transaction; Neo4j cancels it when it runs longer (writes get 6×). */
  readonly transactionMs: number;
  /** How long the driver keeps retrying a failed transaction (its first retry is ~1 s in). */
  readonly retryMs: number;
  /** Opening one connection to Neo4j. */
  readonly connectionMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = {
  requestMs: 15_000,
  transactionMs: 10_000,
  retryMs: 500,
  connectionMs: 2_000,
};

/**
 * The worker threads that run `extractArticle` (src/extract/extract.pool.ts). Each worker
 * runs one extraction at a time; a request finding every worker busy and `queue` others
 * waiting is refused with OVERLOADED.
 */
export interface ExtractionSettings {
  readonly workers: number;
  readonly queue: number;
  /** One extraction, from when it is submitted (waiting for a worker included); over it the worker is terminated, or the waiting task dropped (TIMEOUT). */
  readonly timeoutMs: number;
  /** Each worker's old-generation heap; over it the worker dies alone (LIMIT_EXCEEDED). */
  readonly heapMb: number;
}

export const DEFAULT_EXTRACTION: ExtractionSettings = { workers: 2, queue: 8, timeoutMs: 10_000, heapMb: 512 };

/** Subscriptions over WebSocket (src/http/subscriptions.ts, src/graph/live). */
export interface LiveSettings {
  /** Subscriptions one WebSocket connection may hold open at once; one more is refused (LIMIT_EXCEEDED). */
  readonly subscriptionsPerConnection: number;
  /** How often the server reads the change sequence while a subscription is open (src/graph/live/feed.ts). */
  readonly pollMs: number;
}

export const DEFAULT_LIVE: LiveSettings = { subscriptionsPerConnection: 10, pollMs: 250 };

/**
 * The driver's connections to Neo4j (src/db/connect.ts). Each read or write holds one while
 * it runs; one that finds every connection busy waits for one up to `acquisitionMs`, then
 * fails with OVERLOADED.
 */
export interface PoolSettings {
  /** NEO4J_MAX_POOL_SIZE. */
  readonly maxSize: number;
  /** NEO4J_ACQUISITION_TIMEOUT_MS. */
  readonly acquisitionMs: number;
}

/**
 * One request may run a read per aliased root field at once (MAX_ALIASES) besides the one
 * its loaders batch, so the default pool gives about six such requests all their reads at
 * once; the wait is a third of a request's time, leaving it the rest to run its reads.
 */
export const defaultPool = (limits: Pick<Limits, 'maxAliases'>, timeouts: Pick<Timeouts, 'requestMs'>): PoolSettings => ({
  maxSize: Math.max(16, 6 * (limits.maxAliases + 1)),
  acquisitionMs: Math.max(100, Math.round(timeouts.requestMs / 3)),
});

/** How many answers of whole-graph reads a server keeps (ANSWER_CACHE_SIZE). */
export const DEFAULT_ANSWER_CACHE_SIZE = 500;

/** How many query texts a server answers again without Apollo's pipeline (PREPARED_QUERIES). */
export const DEFAULT_PREPARED_QUERIES = 500;

/**
 * The process's life: how a dead embedded Neo4j is restarted (src/launcher/supervisor.ts),
 * and how long SIGTERM waits for the requests in flight (src/http/drain.ts).
 */
export interface LifecycleConfig {
  /** Restarts of a dead embedded Neo4j tried before /health/live fails. */
  readonly restartAttempts: number;
  /** The wait before the first restart; each further one waits twice as long. */
  readonly restartBackoffMs: number;
  /** On SIGTERM, how long requests in flight may take to finish; null: as long as node lets a request run (src/http/server.ts). */
  readonly drainMs: number | null;
}

export interface Config {
  readonly neo4j: Neo4jConfig;
  readonly pool: PoolSettings;
  readonly lifecycle: LifecycleConfig;
  readonly embedded: EmbeddedConfig;
  readonly host: string;
  readonly port: number;
  /** Bearer keys accepted by mutations, each with a name and role; empty means writes through the API are closed. */
  readonly apiKeys: readonly ApiKey[];
  readonly production: boolean;
  readonly seedOnEmpty: boolean;
  /**
   * Whether a start warms Neo4j's plans before serving: the ingest writer rehearsed (rolled
   * back) when the database opens, and the example queries asked before /health/ready turns 200.
   * Off for tests that start the API again and again and test neither.
   */
  readonly warmUp: boolean;
  /** Whether clients may query __schema and __type. */
  readonly introspection: boolean;
  readonly limits: Limits;
  readonly extraction: ExtractionSettings;
  readonly timeouts: Timeouts;
  /** Answers of search, paths, timeline and attribution kept while the graph is unchanged (src/db/answer-cache.ts); 0 keeps none. */
  readonly answerCacheSize: number;
  /** Query texts answered again without Apollo's per-request pipeline (src/http/fast-path.ts); 0 turns that off. */
  readonly preparedQueries: number;
  readonly live: LiveSettings;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const NEO4J_SCHEMES = ['bolt:', 'bolt+s:', 'bolt+ssc:', 'neo4j:', 'neo4j+s:', 'neo4j+ssc:'];
const MEMORY = /^\d+[kmg]$/i;

/** The folder that holds package.json, whether code runs from src (ts-jest) or dist/src. */
export function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const read = new EnvReader(env);
  const uri = neo4jUri(read);
  const host = read.text('HOST', '127.0.0.1');
  if (!/^[A-Za-z0-9.:\-[\]]+$/.test(host)) read.problems.push(`HOST must be a host name or IP address; received ${JSON.stringify(host)}`);
  const apiKeys = apiKeysOf(read);
  const settings: Omit<Config, 'pool'> = {
    neo4j: {
      uri,
      user: read.text('NEO4J_USER', 'neo4j'),
      password: read.text('NEO4J_PASSWORD', 'neo4j'),
      database: env.NEO4J_DATABASE === '' ? undefined : env.NEO4J_DATABASE,
    },
    lifecycle: lifecycleOf(read),
    embedded: {
      dataDir: path.resolve(projectRoot(), read.text('NEO4J_DATA_DIR', '.neo4j/data')),
      port: read.integer('NEO4J_EMBEDDED_PORT', 0, 0, 65535),
      heap: read.memory('NEO4J_HEAP', '512m'),
      pageCache: read.memory('NEO4J_PAGE_CACHE', '256m'),
      startTimeoutMs: read.integer('NEO4J_START_TIMEOUT_MS', DEFAULT_START_TIMEOUT_MS, 1_000, 3_600_000),
    },
    host,
    port: read.integer('PORT', 4000, 0, 65535),
    apiKeys,
    production: read.text('NODE_ENV', 'development') === 'production',
    seedOnEmpty: read.boolean('SEED_ON_EMPTY', true),
    warmUp: read.boolean('WARM_UP', true),
    introspection: read.boolean('INTROSPECTION', true),
    limits: {
      maxDepth: read.integer('MAX_DEPTH', DEFAULT_LIMITS.maxDepth, 1, 100),
      maxCost: read.integer('MAX_COST', DEFAULT_LIMITS.maxCost, 1, 10_000_000),
      maxAliases: read.integer('MAX_ALIASES', DEFAULT_LIMITS.maxAliases, 0, 1_000),
      maxDirectives: read.integer('MAX_DIRECTIVES', DEFAULT_LIMITS.maxDirectives, 0, 1_000),
      maxTokens: read.integer('MAX_TOKENS', DEFAULT_LIMITS.maxTokens, 100, 100_000),
      maxBodyBytes: read.integer('MAX_BODY_BYTES', DEFAULT_LIMITS.maxBodyBytes, 1_000, 100_000_000),
      // The resolvers refuse more than PAGE.maxSize (src/graph/connection.ts) whatever this says.
      maxPageSize: read.integer('MAX_PAGE_SIZE', DEFAULT_LIMITS.maxPageSize, 1, 100),
      maxResponseBytes: read.integer('MAX_RESPONSE_BYTES', DEFAULT_LIMITS.maxResponseBytes, 1_000, 1_000_000_000),
    },
    extraction: {
      workers: read.integer('EXTRACT_WORKERS', DEFAULT_EXTRACTION.workers, 1, 64),
      queue: read.integer('EXTRACT_QUEUE', DEFAULT_EXTRACTION.queue, 0, 10_000),
      timeoutMs: read.integer('EXTRACT_TIMEOUT_MS', DEFAULT_EXTRACTION.timeoutMs, 100, 600_000),
      heapMb: read.integer('EXTRACT_HEAP_MB', DEFAULT_EXTRACTION.heapMb, 32, 65_536),
    },
    timeouts: {
      requestMs: read.integer('REQUEST_TIMEOUT_MS', DEFAULT_TIMEOUTS.requestMs, 100, 600_000),
      transactionMs: read.integer('NEO4J_TRANSACTION_TIMEOUT_MS', DEFAULT_TIMEOUTS.transactionMs, 100, 600_000),
      retryMs: read.integer('NEO4J_MAX_RETRY_MS', DEFAULT_TIMEOUTS.retryMs, 0, 600_000),
      connectionMs: read.integer('NEO4J_CONNECTION_TIMEOUT_MS', DEFAULT_TIMEOUTS.connectionMs, 100, 600_000),
    },
    answerCacheSize: read.integer('ANSWER_CACHE_SIZE', DEFAULT_ANSWER_CACHE_SIZE, 0, 100_000),
    preparedQueries: read.integer('PREPARED_QUERIES', DEFAULT_PREPARED_QUERIES, 0, 100_000),
    live: {
      subscriptionsPerConnection: read.integer('SUBSCRIPTIONS_PER_CONNECTION', DEFAULT_LIVE.subscriptionsPerConnection, 1, 1_000),
      // Commit to delivery takes up to about this and the settling poll (feed.ts): issue 22 asks for 2 s at most.
      pollMs: read.integer('LIVE_POLL_MS', DEFAULT_LIVE.pollMs, 10, 1_500),
    },
  };
  const config: Config = { ...settings, pool: poolOf(read, defaultPool(settings.limits, settings.timeouts)) };
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return config;
}

function poolOf(read: EnvReader, defaults: PoolSettings): PoolSettings {
  return {
    maxSize: read.integer('NEO4J_MAX_POOL_SIZE', defaults.maxSize, 1, 10_000),
    acquisitionMs: read.integer('NEO4J_ACQUISITION_TIMEOUT_MS', defaults.acquisitionMs, 100, 600_000),
  };
}

/** Reads settings from the environment; a value that is set but wrong is noted in `problems` and the default used. */
class EnvReader {
  readonly problems: string[] = [];

  constructor(readonly env: NodeJS.ProcessEnv) {}

  text(name: string, fallback: string): string {
    const value = this.env[name];
    return value === undefined || value === '' ? fallback : value;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max}; received ${JSON.stringify(raw)}`);
      return fallback;
    }
    return value;
  }

  memory(name: string, fallback: string): string {
    const value = this.text(name, fallback);
    if (!MEMORY.test(value)) this.problems.push(`${name} must be a size like 512m or 2g; received ${JSON.stringify(value)}`);
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    if (raw === 'true' || raw === '1') return true;
    if (raw === 'false' || raw === '0') return false;
    this.problems.push(`${name} must be true or false; received ${JSON.stringify(raw)}`);
    return fallback;
  }
}

/** NEO4J_URI when it is a Neo4j URL; null when unset (the embedded Neo4j is used). */
function neo4jUri(read: EnvReader): string | null {
  const rawUri = read.env.NEO4J_URI;
  if (rawUri === undefined || rawUri === '') return null;
  let parsed: URL | null = null;
  try {
    parsed = new URL(rawUri);
  } catch {
    read.problems.push(`NEO4J_URI must be a URL like bolt://127.0.0.1:7687 or neo4j://host:7687; received ${JSON.stringify(rawUri)}`);
  }
  if (parsed && !NEO4J_SCHEMES.includes(parsed.protocol)) {
    read.problems.push(`NEO4J_URI must use one of ${NEO4J_SCHEMES.map((s) => s + '//').join(', ')}; received ${JSON.stringify(rawUri)}`);
    return null;
  }
  return parsed ? rawUri : null;
}

function lifecycleOf(read: EnvReader): LifecycleConfig {
  return {
    restartAttempts: read.integer('NEO4J_RESTART_ATTEMPTS', 5, 0, 100),
    restartBackoffMs: read.integer('NEO4J_RESTART_BACKOFF_MS', 1_000, 0, 600_000),
    drainMs: read.env.SHUTDOWN_DRAIN_MS ? read.integer('SHUTDOWN_DRAIN_MS', 0, 0, 3_600_000) : null,
  };
}

/** API_KEYS: `name:role:secret` or bare secrets, comma-separated (src/auth/api-keys.ts). */
function apiKeysOf(read: EnvReader): ApiKey[] {
  const { keys, problems } = parseApiKeys(read.text('API_KEYS', ''));
  read.problems.push(...problems);
  return keys;
}
