/**
 * Applies schema/constraints.cypher. Each statement is schema DDL with no user input, and
 * IF NOT EXISTS makes the whole file safe to apply at every start.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config';
import { SERIES_LINKS_MISSING, SERIES_LINKS_PAGES } from '../graph/analytics/series-links.cypher';
import { BACKFILL_STATEMENT_DAYS } from '../ingest/ingest.cypher';
import { cypher } from './cypher';
import type { Neo4jGateway } from './gateway';

/** The full-text index behind `search` (schema/constraints.cypher); a bulk load may build it at its end (src/ingest/bulk-load.ts). */
export const SEARCH_INDEX = 'search';

export function constraintStatements(file = path.join(projectRoot(), 'schema', 'constraints.cypher')): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n')
    .split(';')
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

/**
 * What stands in for the unique quote key when a store written before it already holds two
 * statements with one key: the plain index it had, so quote lookups stay index seeks. Ingest
 * still makes no new duplicates (its locks, src/ingest/lock.ts); `npm run check` lists the old ones.
 */
const QUOTE_KEY_FALLBACK = 'CREATE INDEX statement_quote_key IF NOT EXISTS FOR (n:Statement) ON (n.quoteKey)';

export async function applyConstraints(gateway: Neo4jGateway): Promise<void> {
  // Schema changes cannot share a transaction with each other in Neo4j, so one each.
  for (const statement of constraintStatements()) {
    try {
      await gateway.write((tx) => tx.run(cypher(statement)));
    } catch (error) {
      // Neo4j 5.26 reports the duplicates as Neo.DatabaseError.Schema.ConstraintCreationFailed.
      if (!/\bstatement_quote_key_unique\b/.test(statement) || !/\.ConstraintCreationFailed$/.test((error as { code?: string }).code ?? '')) throw error;
      await gateway.write((tx) => tx.run(cypher(QUOTE_KEY_FALLBACK)));
    }
  }
  await gateway.write((tx) => tx.run(cypher('CALL db.awaitIndexes(60)')));
  await backfill(gateway);
}

/** The statement of schema/constraints.cypher that creates the index (plain or full-text) of this name. */
export function indexStatement(name: string): string {
  const statement = constraintStatements().find((s) => new RegExp(`^CREATE (FULLTEXT )?INDEX ${name}\\b`).test(s));
  if (statement === undefined) throw new Error(`schema/constraints.cypher has no CREATE INDEX ${name} statement`);
  return statement;
}

/**
 * Properties later versions added to what ingest writes, filled in on graphs written
 * before them, so an older store keeps working after an upgrade. Each is a no-op once done.
 */
async function backfill(gateway: Neo4jGateway): Promise<void> {
  // Article pages order by publishedKey (publishedAt, or '' when undated).
  await gateway.write((tx) =>
    tx.run(cypher(`MATCH (a:Article) WHERE a.publishedKey IS NULL SET a.publishedKey = coalesce(a.publishedAt, '')`)),
  );
  // Date windows and date-ordered statement pages read a statement's day and dayKey.
  await gateway.write((tx) => tx.run(cypher(BACKFILL_STATEMENT_DAYS)));
  await migrateSeriesLinks(gateway);
}

/** Statements per write transaction of a migration: a large store is not rewritten in one transaction's memory. */
export const MIGRATION_BATCH = 5000;

/**
 * Series over a topic read the speaker and day its ABOUT links carry
 * (src/graph/analytics/series-links.cypher.ts); a store written before them gets them here,
 * when any link lacks them, a batch of statements at a time, live ones and then retracted
 * ones, in id order. Each batch sets what it sets from the graph, so a start-up stopped
 * half-way, which does it all again, does no harm. Returns how many statements it visited.
 */
export async function migrateSeriesLinks(gateway: Neo4jGateway, batch = MIGRATION_BATCH): Promise<number> {
  const [state] = await gateway.read(cypher(SERIES_LINKS_MISSING));
  if (state?.missing !== true) return 0;
  let visited = 0;
  for (const page of Object.values(SERIES_LINKS_PAGES)) {
    let after = '';
    for (;;) {
      const [row] = await gateway.write((tx) => tx.run(cypher(page, { after, limit: batch })));
      visited += (row?.n as number | undefined) ?? 0;
      if (row === undefined || (row.n as number) < batch) break;
      after = row.last as string;
    }
  }
  return visited;
}
