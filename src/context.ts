/**
 * The per-request context: fresh DataLoaders (so no request sees another's cache), the
 * request's round-trip counter, its deadline, and whether the caller presented a valid
 * API key.
 */
import { randomUUID, timingSafeEqual, createHash } from 'node:crypto';
import { RoundTrips, requestDb, type Db, type Neo4jGateway } from './db/gateway';
import type { Deadline } from './deadline';
import { IN_PROCESS, type Extractor } from './extract/extract.task';
import { ResponseBudget } from './http/response-budget';
import { ARTICLE_LOADERS, type ArticleLoaders } from './graph/article/article.loaders';
import { ENTITY_LOADERS, type EntityLoaders } from './graph/entity/entity.loaders';
import { madeOnUse } from './graph/loader';
import { STATEMENT_LOADERS, type StatementLoaders } from './graph/statement/statement.loaders';

export type Loaders = EntityLoaders & StatementLoaders & ArticleLoaders;

/** Fresh loaders for one request, each made when first used; statement answers prime the entity, role and article loaders they share. */
const requestLoaders = madeOnUse<Loaders, Db>({ ...ENTITY_LOADERS, ...ARTICLE_LOADERS, ...STATEMENT_LOADERS });

export interface Context {
  readonly requestId: string;
  readonly gateway: Neo4jGateway;
  readonly db: Db;
  readonly trips: RoundTrips;
  /** Every read through `db` is cancelled by Neo4j when this passes; none without it. */
  readonly deadline: Deadline | undefined;
  readonly loaders: Loaders;
  /** True when the request carried `Authorization: Bearer <key>` with a configured key. */
  readonly authorized: boolean;
  /** Runs `extractArticle`: the server's worker pool, or the calling thread when made without one. */
  readonly extractor: Extractor;
  /** The bytes of text the response may still carry (MAX_RESPONSE_BYTES); unlimited when made without one. */
  readonly responseBudget: ResponseBudget;
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** Compares against every key in constant time per key, so timing reveals nothing of a key. */
export function isAuthorized(header: string | undefined, apiKeys: readonly string[]): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match || apiKeys.length === 0) return false;
  const given = digest(match[1] as string);
  let ok = false;
  for (const key of apiKeys) ok = timingSafeEqual(given, digest(key)) || ok;
  return ok;
}

export interface ContextOptions {
  readonly authorization?: string;
  readonly apiKeys?: readonly string[];
  readonly requestId?: string;
  readonly deadline?: Deadline;
  readonly extractor?: Extractor;
  readonly maxResponseBytes?: number;
}

export function createContext(gateway: Neo4jGateway, options: ContextOptions = {}): Context {
  const trips = new RoundTrips();
  const db = requestDb(gateway, trips, options.deadline);
  return {
    requestId: options.requestId ?? randomUUID(),
    gateway,
    db,
    trips,
    deadline: options.deadline,
    loaders: requestLoaders(db),
    authorized: isAuthorized(options.authorization, options.apiKeys ?? []),
    extractor: options.extractor ?? IN_PROCESS,
    responseBudget: new ResponseBudget(options.maxResponseBytes ?? Infinity),
  };
}
