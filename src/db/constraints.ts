/**
 * Applies schema/constraints.cypher. Each statement is schema DDL with no user input, and
 * IF NOT EXISTS makes the whole file safe to apply at every start.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config';
import { cypher } from './cypher';
import type { Neo4jGateway } from './gateway';

/** The full-text index behind `search` (schema/constraints.cypher). */
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

export async function applyConstraints(gateway: Neo4jGateway): Promise<void> {
  // Schema changes cannot share a transaction with each other in Neo4j, so one each.
  for (const statement of constraintStatements()) {
    await gateway.write((tx) => tx.run(cypher(statement)));
  }
  await gateway.write((tx) => tx.run(cypher('CALL db.awaitIndexes(60)')));
  await backfill(gateway);
}

/** The statement of schema/constraints.cypher that creates the SEARCH_INDEX. */
export function searchIndexStatement(): string {
  const statement = constraintStatements().find((s) => new RegExp(`^CREATE FULLTEXT INDEX ${SEARCH_INDEX}\\b`).test(s));
  if (statement === undefined) throw new Error(`schema/constraints.cypher has no CREATE FULLTEXT INDEX ${SEARCH_INDEX} statement`);
  return statement;
}

/**
 * Runs a bulk load (`load`) with the full-text index built once, after it, when the graph
 * is empty at the start: otherwise Neo4j updates the index at every commit, writing a
 * small Lucene segment per transaction and merging them as the load goes on, which cost
 * about a seventh of Neo4j's CPU in a 100k load (BENCHMARKS.md, finding 22). A graph that
 * holds anything keeps its index, so search never loses what it could already find.
 *
 * While the index is away, `search` answers SERVICE_UNAVAILABLE (errors.ts). It is built
 * again whether the load succeeds or fails, and `onBuild` is told its population percent;
 * a process killed in between leaves it to the next `applyConstraints` (every start).
 */
export async function withSearchIndexDeferred<T>(
  gateway: Neo4jGateway,
  load: () => Promise<T>,
  onBuild: (percent: number) => void = () => undefined,
): Promise<T> {
  const [count] = await gateway.read(cypher('MATCH (n) RETURN count(n) AS nodes'));
  if (count?.nodes !== 0) return load();
  await gateway.write((tx) => tx.run(cypher(`DROP INDEX ${SEARCH_INDEX} IF EXISTS`)));
  let loaded: T;
  try {
    loaded = await load();
  } catch (error) {
    // The load's own failure is what the caller needs to see; the index is still rebuilt.
    await buildSearchIndex(gateway, onBuild).catch(() => undefined);
    throw error;
  }
  await buildSearchIndex(gateway, onBuild);
  return loaded;
}

/** Creates the SEARCH_INDEX if absent and waits until it is online, reporting its population. */
async function buildSearchIndex(gateway: Neo4jGateway, onBuild: (percent: number) => void): Promise<void> {
  await gateway.write((tx) => tx.run(cypher(searchIndexStatement())));
  for (;;) {
    const [index] = await gateway.read(
      cypher('SHOW FULLTEXT INDEXES YIELD name, state, populationPercent, failureMessage WHERE name = $name RETURN state, populationPercent, failureMessage', {
        name: SEARCH_INDEX,
      }),
    );
    if (index === undefined) throw new Error(`the full-text index ${SEARCH_INDEX} was dropped while it was being built`);
    onBuild(Math.floor(Number(index.populationPercent)));
    if (index.state === 'ONLINE') return;
    if (index.state === 'FAILED') throw new Error(`the full-text index ${SEARCH_INDEX} failed to build: ${String(index.failureMessage)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
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
}
