/**
 * The per-request context: fresh DataLoaders (so no request sees another's cache), the
 * request's round-trip counter, its deadline, and who the caller is when it presented a
 * configured API key (src/auth/api-keys.ts).
 */
import { randomUUID } from 'node:crypto';
import { callerOf, keyring, type ApiKey, type Caller } from './auth/api-keys';
import { RoundTrips, requestDb, type Db, type Neo4jGateway } from './db/gateway';
import type { Deadline } from './deadline';
import { IN_PROCESS } from './extract/extract.in-process';
import type { Extractor } from './extract/extract.task';
import { ResponseBudget } from './http/response-budget';
import { ARTICLE_LOADERS, type ArticleLoaders } from './graph/article/article.loaders';
import { EDIT_LOADERS, type EditLoaders } from './graph/editorial/edit.loaders';
import { ENTITY_LOADERS, type EntityLoaders } from './graph/entity/entity.loaders';
import { madeOnUse } from './graph/loader';
import { STATEMENT_LOADERS, type StatementLoaders } from './graph/statement/statement.loaders';

export type Loaders = EntityLoaders & StatementLoaders & ArticleLoaders & EditLoaders;

/** Fresh loaders for one request, each made when first used; statement answers prime the entity, role and article loaders they share. */
const requestLoaders = madeOnUse<Loaders, Db>({ ...ENTITY_LOADERS, ...ARTICLE_LOADERS, ...STATEMENT_LOADERS, ...EDIT_LOADERS });

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
  /** The key's name and role when `authorized`; the secret is never kept. */
  readonly caller: Caller | null;
}

export interface ContextOptions {
  readonly authorization?: string;
  /** Configured keys, or API_KEYS entries (`name:role:secret` or a bare key). */
  readonly apiKeys?: readonly (ApiKey | string)[];
  readonly requestId?: string;
  readonly deadline?: Deadline;
  readonly extractor?: Extractor;
  readonly maxResponseBytes?: number;
}

export function createContext(gateway: Neo4jGateway, options: ContextOptions = {}): Context {
  const trips = new RoundTrips();
  const db = requestDb(gateway, trips, options.deadline);
  const caller = callerOf(options.authorization, keyring(options.apiKeys ?? []));
  return {
    requestId: options.requestId ?? randomUUID(),
    gateway,
    db,
    trips,
    deadline: options.deadline,
    loaders: requestLoaders(db),
    authorized: caller !== null,
    caller,
    extractor: options.extractor ?? IN_PROCESS,
    responseBudget: new ResponseBudget(options.maxResponseBytes ?? Infinity),
  };
}
