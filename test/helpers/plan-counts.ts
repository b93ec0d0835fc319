/**
 * NKG_TEST_PLANS=FILE: what the run's shared Neo4j JVMs planned, to find what makes them plan
 * a query text more than once. Global setup starts Neo4j's query collector (db.stats, which
 * Community has) on each once it is ready; global teardown appends one JSON line per JVM and
 * query text to FILE: how often it ran and how often, and for how long, it was compiled (a
 * compile past COMPILED_US is a plan made, not one found in the cache, and when it began: the
 * cost lines' startedAt tells which file's queries those were).
 * `node test/helpers/plans.mjs FILE` prints them.
 */
import { appendFileSync } from 'node:fs';
import type { Driver } from 'neo4j-driver';

/** Longer than finding a cached plan takes on a busy JVM, shorter than making the cheapest plan. */
export const COMPILED_US = 20_000;
const MAX_INVOCATIONS = 1_000_000;
const SCHEMA_CHANGE = /^\s*(CREATE|DROP)\s+(\w+\s+)?(INDEX|CONSTRAINT)\b/i;

export const plansFile = (env: NodeJS.ProcessEnv = process.env): string | undefined => env.NKG_TEST_PLANS || undefined;

export async function collectPlans(driver: Driver): Promise<void> {
  await driver.executeQuery("CALL db.stats.stop('QUERIES')");
  await driver.executeQuery("CALL db.stats.clear('QUERIES')");
  await driver.executeQuery("CALL db.stats.collect('QUERIES', {maxInvocations: $max, durationSeconds: 86400})", { max: MAX_INVOCATIONS });
}

export async function writePlans(driver: Driver, jvm: string, file: string): Promise<void> {
  const { records } = await driver.executeQuery(
    `CALL db.stats.retrieve('QUERIES') YIELD data
     RETURN data.query AS query, [i IN data.invocations | i.elapsedCompileTimeInUs] AS compiles,
            [i IN data.invocations WHERE i.elapsedCompileTimeInUs > $compiled | i.startTimestampMillis] AS plannedAt,
            [i IN data.invocations | i.startTimestampMillis] AS ranAt`,
    { compiled: COMPILED_US },
  );
  const lines = records.map((record) => {
    const compiles = (record.get('compiles') as unknown[]).map(Number);
    const planned = compiles.filter((us) => us > COMPILED_US);
    return JSON.stringify({
      jvm,
      query: record.get('query') as string,
      runs: compiles.length,
      planned: planned.length,
      compileMs: Math.round(compiles.reduce((sum, us) => sum + us, 0) / 1000),
      plannedAt: (record.get('plannedAt') as unknown[]).map(Number).sort(),
      // A schema change empties the plan cache: when they ran shows what was planned again after them.
      ...(SCHEMA_CHANGE.test(record.get('query') as string) ? { ranAt: (record.get('ranAt') as unknown[]).map(Number).sort() } : {}),
    });
  });
  appendFileSync(file, lines.map((line) => `${line}\n`).join(''));
}
