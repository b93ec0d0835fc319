import DataLoader from 'dataloader';
import type { Db } from '../../db/gateway';
import type { ArticleLoaders } from '../article/article.loaders';
import type { EntityLoaders } from '../entity/entity.loaders';
import { isWholeEntity, type EntityHeader } from '../entity/entity.type';
import { primeEntities, primeRoles } from '../entity/entity.loaders';
import { groupBy, idLoader, madeOnUse, makersByName, type Makers } from '../loader';
import { ANCHORS, includesKey, type Anchor, type StatementIncludes } from './statement.cypher';
import * as repo from './statement.repository';
import type { AboutLinkRecord, Evidence, StatementHeader, StatementRecord } from './statement.type';

/** A statement by id, fetched with what the request's selection will ask of it. */
export interface StatementKey {
  readonly id: string;
  readonly includes: StatementIncludes;
}

export interface StatementLoaders {
  readonly statement: DataLoader<string, StatementRecord | null>;
  /** `statement`, with details brought along (and filed) and the fields the key's includes say. */
  readonly statementWith: DataLoader<StatementKey, StatementHeader | null, string>;
  /** Speaker, topics, outlets and evidence of statements, in one trip per batch: what the four loaders below were not given. */
  readonly details: DataLoader<string, repo.StatementDetails>;
  /**
   * Speaker, topics, outlets and evidence of statements, one loader each. Those a statement
   * query brought along are filed in them; the rest come from one trip per batch for all
   * four, however many of the four loaders ask.
   */
  readonly speaker: DataLoader<string, EntityHeader | null>;
  readonly about: DataLoader<string, EntityHeader[]>;
  readonly reportedBy: DataLoader<string, EntityHeader[]>;
  readonly evidence: DataLoader<string, Evidence[]>;
  readonly quotesInside: DataLoader<string, StatementRecord[]>;
  /** The ABOUT links of statements with their stances. */
  readonly aboutLinks: DataLoader<string, AboutLinkRecord[]>;
  /** A page of statements per anchor node (who said them, what they are about, ...). */
  readonly pages: Readonly<Record<Anchor, DataLoader<repo.AnchoredPageKey, StatementHeader[], string>>>;
  readonly counts: Readonly<Record<Anchor, DataLoader<string, number>>>;
  /**
   * Files the details that statements brought along where the nested resolvers look:
   * `brought` (which the four part loaders read), the speaker's roles, the entities and
   * articles they name.
   */
  readonly prime: (statements: readonly StatementHeader[]) => void;
  /**
   * The details statement answers brought along, by statement id. A statement's resolvers
   * read its own; the part loaders answer from these before asking Neo4j, for the same
   * statement reached another way in the request. A plain map, not primed loaders: every
   * page files all its statements, and most requests never load them again.
   */
  readonly brought: Map<string, Partial<repo.StatementDetails>>;
}

const statementKey = (key: StatementKey): string => `${includesKey(key.includes)}|${key.id}`;

/** What statement loaders reach of the request's other loaders: statement answers prime them. */
type Siblings = StatementLoaders & Pick<EntityLoaders, 'entity' | 'roles'> & Pick<ArticleLoaders, 'article'>;

const ANCHOR_NAMES = Object.keys(ANCHORS) as Anchor[];

type PageLoaders = Readonly<Record<Anchor, DataLoader<repo.AnchoredPageKey, StatementHeader[], string>>>;
/** A page loader files what its pages bring along with the request's `prime`. */
interface PageLoaderArg {
  readonly db: Db;
  readonly prime: StatementLoaders['prime'];
}
const pageLoaders = madeOnUse<PageLoaders, PageLoaderArg>(
  makersByName(
    ANCHOR_NAMES,
    (anchor, { db, prime }: PageLoaderArg) =>
      new DataLoader<repo.AnchoredPageKey, StatementHeader[], string>(
        async (keys) => {
          const pages = await repo.pagesByAnchor(db, anchor, keys);
          for (const page of pages) prime(page);
          return pages;
        },
        { cacheKeyFn: (key) => `${includesKey(key.includes)}|${JSON.stringify([key.id, key.limit, key.after])}` },
      ),
  ),
);

type CountLoaders = Readonly<Record<Anchor, DataLoader<string, number>>>;
const countLoaders = madeOnUse<CountLoaders, Db>(makersByName(ANCHOR_NAMES, (anchor, db: Db) => idLoader((ids) => repo.countsByAnchor(db, anchor, ids), 0)));

/** One of the four parts of a statement's details: as a statement answer brought it along, else from the details loader. */
const part =
  <K extends keyof repo.StatementDetails>(key: K) =>
  (_db: Db, loaders: Siblings): DataLoader<string, repo.StatementDetails[K]> =>
    new DataLoader<string, repo.StatementDetails[K]>(
      async (ids) => {
        const brought = ids.map((id) => loaders.brought.get(id)?.[key]);
        const missing = ids.filter((_id, i) => brought[i] === undefined);
        const loaded = missing.length === 0 ? [] : await loaders.details.loadMany(missing);
        let next = 0;
        return brought.map((value) => {
          if (value !== undefined) return value as repo.StatementDetails[K];
          const d = loaded[next++] as repo.StatementDetails | Error;
          return d instanceof Error ? d : d[key];
        });
      },
      { maxBatchSize: 1000 },
    );

function withoutEvidence(details: Partial<repo.StatementDetails>): Partial<repo.StatementDetails> {
  const rest = { ...details };
  delete rest.evidence;
  return rest;
}

/** A request's statement loaders, each made when first used (context.ts), over its entity and article loaders, which statement answers prime. */
export const STATEMENT_LOADERS: Makers<StatementLoaders, Db, Siblings> = {
  details: (db, loaders) =>
    idLoader(async (ids) => {
      const found = await repo.details(db, ids);
      for (const d of found.values()) primeEntities(loaders.entity, [d.speaker, ...d.about, ...d.reportedBy]);
      return found;
    }, repo.NO_DETAILS),
  speaker: part('speaker'),
  about: part('about'),
  reportedBy: part('reportedBy'),
  evidence: part('evidence'),
  brought: () => new Map(),
  prime: (_db, loaders) => (statements) => {
    for (const statement of statements) {
      const filed = statement.details;
      if (filed === undefined) continue;
      // Evidence without its sentences is not what the evidence loader promises: it is not filed.
      const whole = filed.evidence === undefined || repo.withSentences(filed.evidence) ? filed : withoutEvidence(filed);
      // What an earlier answer filed for the statement stays: a loader keeps the first value it is given.
      const known = loaders.brought.get(statement.id);
      loaders.brought.set(statement.id, known === undefined ? whole : { ...whole, ...known });
      // Only whole entities are primed (primeEntities): a listing brings headers, and then the request's entity loader is not made.
      const named = [filed.speaker ?? null, ...(filed.about ?? []), ...(filed.reportedBy ?? [])];
      if (named.some((e) => e !== null && isWholeEntity(e))) primeEntities(loaders.entity, named);
      if (filed.speaker?.roles) primeRoles(loaders, filed.speaker.id, filed.speaker.roles);
      // An article brought along without its text is not the whole record the loader promises.
      for (const { article } of filed.evidence ?? filed.firstEvidence ?? []) if (article !== undefined && 'text' in article) loaders.article.prime(article.id, article);
    }
  },
  statement: (db) => idLoader<StatementRecord | null>((ids) => repo.wholeStatementsById(db, ids), null),
  statementWith: (db, loaders) =>
    new DataLoader<StatementKey, StatementHeader | null, string>(
      async (keys) => {
        // One query per distinct includes; a request almost always has one. The answers are
        // found by includes and id, not by a key joined from them: a lookup by id comes here on every request.
        const found = new Map<string, ReadonlyMap<string, StatementHeader>>();
        for (const [name, group] of groupBy(keys, (key) => includesKey(key.includes))) {
          found.set(name, await repo.statementsById(db, group.map((key) => key.id), (group[0] as StatementKey).includes));
        }
        const statements = keys.map((key) => found.get(includesKey(key.includes))?.get(key.id) ?? null);
        loaders.prime(statements.filter((s): s is StatementHeader => s !== null));
        return statements;
      },
      { cacheKeyFn: statementKey, maxBatchSize: 1000 },
    ),
  quotesInside: (db) => idLoader((ids) => repo.quotesInside(db, ids), []),
  aboutLinks: (db) => idLoader((ids) => repo.aboutLinks(db, ids), []),
  pages: (db, loaders) => pageLoaders({ db, prime: loaders.prime }),
  counts: countLoaders,
};
