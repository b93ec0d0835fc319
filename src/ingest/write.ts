/**
 * The one write transaction's queries: a batch's plans (plan.ts) sent with each query's rows
 * for all documents together. Rows of one query run in document order; where a later
 * document's rows would meet an earlier one's in a way whose outcome depends on the order of
 * the queries (the same article twice, roles of the same person twice, a statement
 * rewritten after another document touched it), the batch is written in consecutive
 * segments instead, each a fixed set of queries, so the result is still that of the
 * one-by-one order.
 */
import type { Row, WriteTx } from '../db/gateway';
import { batchQuery } from '../db/cypher';
import type { EntityType } from '../vocabulary';
import * as Q from './ingest.cypher';
import { ENTITY_WRITE_ORDER, LINKS, type Plan } from './plan';

const MERGE_ENTITIES: Readonly<Record<EntityType, string>> = {
  Place: Q.MERGE_PLACES,
  Organization: Q.MERGE_ORGANIZATIONS,
  Person: Q.MERGE_PEOPLE,
  Policy: Q.MERGE_POLICIES,
  Event: Q.MERGE_EVENTS,
};

const CREATE_ENTITIES: Readonly<Record<EntityType, string>> = {
  Place: Q.CREATE_PLACES,
  Organization: Q.CREATE_ORGANIZATIONS,
  Person: Q.CREATE_PEOPLE,
  Policy: Q.CREATE_POLICIES,
  Event: Q.CREATE_EVENTS,
};

const LINK_QUERIES: Readonly<Record<(typeof LINKS)[number], string>> = {
  BASED_IN: Q.LINK_BASED_IN,
  PART_OF: Q.LINK_PART_OF,
  IMPOSED_BY: Q.LINK_IMPOSED_BY,
  TARGETS: Q.LINK_TARGETS,
  PARTICIPATED_IN: Q.LINK_PARTICIPATED_IN,
  TOOK_PLACE_IN: Q.LINK_TOOK_PLACE_IN,
  PRECEDED: Q.LINK_PRECEDED,
  LED_TO: Q.LINK_LED_TO,
};

/**
 * Writes the plans in `tx`, segment by segment, and fills each plan's `removed`; then runs
 * `after`, the queries that need the plans' results final (the edit record, the change
 * stamp), which must send them before it first awaits. When no write's answer can change a
 * result (no article of the batch existed before, none is revised) they go out right behind
 * the writes, in the same round trip; otherwise once the writes have answered.
 */
export async function writePlans(tx: WriteTx, plans: readonly Plan[], after: () => Promise<unknown>): Promise<void> {
  const pipeline = new WritePipeline(tx);
  const fills: Fill[] = [];
  for (const segment of segments(plans)) fills.push(await writeSegment(pipeline, segment));
  if (fills.every((fill) => fill === null)) {
    const followed = after();
    // Seen at once: when a write fails, these fail too, and the write's failure is the one thrown.
    followed.catch(() => undefined);
    await pipeline.finish();
    await followed;
    return;
  }
  const answers = await pipeline.finish();
  for (const fill of fills) fill?.(answers);
  await after();
}

/** What a segment's answers add to its plans' results; null when they add nothing. */
type Fill = ((answers: Row[][]) => void) | null;

const meets = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => [...a].some((x) => b.has(x));

/**
 * Consecutive runs of plans that can share one set of queries. Within a query, rows run in
 * document order, and most writes merge, add or overwrite, so it makes no difference that
 * document k's entities are written before document k-1's statements. Three things would:
 * a document's article, or a person's roles, written by two documents (each replaces what
 * is there, and the second would replace the graph's old state instead of the first's); and
 * a statement a document owns after an earlier document of the run touched it (the owner
 * removes stale links, and would miss links the earlier one only adds later). A plan that
 * would meet the run in one of these ways starts the next run.
 */
function segments(plans: readonly Plan[]): Plan[][] {
  const runs: Plan[][] = [];
  let run: Plan[] = [];
  const articles = new Set<string>();
  const persons = new Set<string>();
  const touched = new Set<string>();
  for (const plan of plans) {
    if (articles.has(plan.article) || meets(plan.rolePersons, persons) || meets(plan.owned, touched)) {
      runs.push(run);
      run = [];
      articles.clear();
      persons.clear();
      touched.clear();
    }
    run.push(plan);
    articles.add(plan.article);
    for (const p of plan.rolePersons) persons.add(p);
    for (const s of plan.touched) touched.add(s);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * Sends a transaction's writes without waiting for each one's answer: Neo4j runs them in
 * the order they were sent, one after the other, as if each had been awaited, while this
 * process packs the next one's parameters. Each query is handed to the driver and given
 * one turn of the event loop to go out on the socket before the next is packed, so Neo4j
 * starts on it at once. `finish` waits for every answer; the first failure is thrown (the
 * transaction then fails as a whole and is rolled back, so nothing of it is written).
 */
class WritePipeline {
  private readonly sent: Promise<Row[]>[] = [];

  constructor(private readonly tx: WriteTx) {}

  /** Resolves once the query is on its way; its rows come from `finish`, by the index returned. */
  async send(query: string, rows: readonly Row[]): Promise<number | null> {
    if (rows.length === 0) return null;
    const answer = this.tx.run(batchQuery(query, { rows }));
    // Seen at once, so a failure is not reported as unhandled before `finish` looks at it.
    answer.catch(() => undefined);
    this.sent.push(answer);
    await new Promise<void>((resolve) => setImmediate(resolve));
    return this.sent.length - 1;
  }

  async finish(): Promise<Row[][]> {
    const settled = await Promise.allSettled(this.sent);
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    return settled.map((s) => (s as PromiseFulfilledResult<Row[]>).value);
  }
}

/**
 * Sends a run of plans with one query per kind of write; the fill returned then says what
 * each removed and which revision it made. What a plan knows to be new to the graph (its
 * article, its statements and their links, the entities no earlier document of the batch
 * wrote) goes by the CREATE queries, the rest by the MERGE ones.
 */
async function writeSegment(pipeline: WritePipeline, plans: readonly Plan[]): Promise<Fill> {
  const send = (query: string, rows: readonly Row[]): Promise<number | null> => pipeline.send(query, rows);
  // An article new to the graph has no publisher link, evidence or mentions but those its own
  // document writes here (a segment writes an article once): only the others have any to remove.
  const existed = plans.filter((p) => p.articleExisted);
  const added = plans.filter((p) => !p.articleExisted);
  const byFreshness = (pick: (p: Plan) => readonly Row[], statementOf: (row: Row) => unknown): { fresh: Row[]; known: Row[] } => {
    const rows = plans.flatMap((p) => pick(p).map((row) => ({ row, fresh: p.fresh.has(statementOf(row) as string) })));
    return { fresh: rows.filter((r) => r.fresh).map((r) => r.row), known: rows.filter((r) => !r.fresh).map((r) => r.row) };
  };
  const quoted = byFreshness((p) => p.quoted, (row) => row.from);
  const revisedAt = await send(Q.REVISE_ARTICLES, plans.flatMap((p) => (p.revision ? [p.revision] : [])));
  await send(Q.MERGE_ARTICLES, existed.map((p) => p.articleRow));
  for (const type of ENTITY_WRITE_ORDER) {
    await send(CREATE_ENTITIES[type], plans.flatMap((p) => p.newEntityRows[type]));
    await send(MERGE_ENTITIES[type], plans.flatMap((p) => p.entityRows[type]));
  }
  await send(Q.MERGE_IDENTIFIERS, plans.flatMap((p) => p.identifiers));
  await send(Q.CREATE_ARTICLES, added.map((p) => ({ ...p.articleRow, publisher: p.publisher?.publisher ?? null })));
  await send(Q.UNLINK_PUBLISHERS, existed.map((p) => ({ article: p.article })));
  await send(Q.LINK_PUBLISHERS, existed.flatMap((p) => (p.publisher ? [p.publisher] : [])));
  await send(Q.MERGE_ROLES, plans.flatMap((p) => p.roles));
  for (const [i, link] of LINKS.entries()) await send(LINK_QUERIES[link], plans.flatMap((p) => p.links[i] ?? []));
  await send(Q.CREATE_STATEMENTS, plans.flatMap((p) => (p.created ? [p.created] : [])));
  await send(Q.MERGE_STATEMENTS, plans.flatMap((p) => (p.statements ? [p.statements] : [])));
  await send(Q.UNLINK_STALE_STATEMENTS, plans.flatMap((p) => p.stale));
  await send(Q.LINK_ABOUT, plans.flatMap((p) => p.about));
  await send(Q.LINK_REPORTED_BY, plans.flatMap((p) => p.reportedBy));
  await send(Q.CREATE_QUOTED_IN, quoted.fresh);
  await send(Q.LINK_QUOTED_IN, quoted.known);
  const removedAt = await send(Q.REMOVE_DROPPED_STATEMENTS, existed.map((p) => ({ article: p.article, kept: p.kept })));
  await send(Q.UNLINK_MENTIONS, existed.map((p) => ({ article: p.article, ids: p.mentions })));
  await send(Q.LINK_MENTIONS, existed.map((p) => ({ article: p.article, ids: p.mentions })));
  await send(Q.CREATE_MENTIONS, added.map((p) => ({ article: p.article, ids: p.mentions })));
  if (revisedAt === null && removedAt === null) return null;
  return (answers) => {
    for (const r of revisedAt === null ? [] : answers[revisedAt] ?? []) {
      const plan = plans.find((p) => p.article === r.article);
      if (plan) plan.result.revision = r.revision as number;
    }
    const byArticle = new Map(plans.map((p) => [p.article, p.result.removed]));
    for (const r of removedAt === null ? [] : answers[removedAt] ?? []) byArticle.get(r.article as string)?.push(r.id as string);
    // In id order: the order Neo4j finds them in depends on how the graph was written, not on what it holds.
    for (const ids of byArticle.values()) ids.sort();
  };
}
