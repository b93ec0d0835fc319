/**
 * Starts the real Neo4j the run's tests read, unless NEO4J_URI names one: the embedded
 * launcher on fresh temporary data directories, so tests never touch a developer's data.
 * Seeds the story, which every integration test reads.
 *
 * One story Neo4j per jest worker (worker-neo4j.ts hands each worker its own): a file may
 * write to the story database, and a kept answer ends at any commit anywhere in it, so two
 * files running at once must never share one. A run in band has one worker and one Neo4j.
 *
 * A run that names no file also starts one empty Neo4j per worker beside them, for the files
 * that write what the story database must not see (scratchGraph in own-neo4j.ts): the files
 * of a worker share it, one after another (each empties it first), instead of starting a JVM
 * each. A run of chosen files, or of projects none of whose files use one, starts none; a
 * file that needs one then starts a Neo4j of its own.
 */
import 'reflect-metadata';
import './short-lived-jvms';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config as JestConfig } from '@jest/types';
import { loadConfig, type Config } from '../../src/config';
import { openDatabase, type Database } from '../../src/db/connect';
import { seedStory } from '../../src/ingest/seed';
import { embeddedConfig, patient, startOwnNeo4j, type OwnNeo4j } from './own-neo4j';
import { collectPlans, plansFile } from './plan-counts';
import { SCRATCH_PIDS_VARIABLE, SCRATCH_URIS_VARIABLE, STORY_PIDS_VARIABLE, STORY_URIS_VARIABLE } from './worker-neo4j';

declare global {
  var __TEST_DATABASES__: Database[] | undefined;
  var __TEST_SCRATCH_NEO4J__: OwnNeo4j[] | undefined;
}

/** The projects whose files use scratch graphs. */
const SCRATCH_PROJECTS = ['integration', 'fault'];

/**
 * Whether the run shares scratch graphs: no file named, and a project that uses them among
 * those selected (jest.config.js hands down the ones the command line selects; none means all).
 */
function sharesScratch(globalConfig: JestConfig.GlobalConfig, env: NodeJS.ProcessEnv = process.env): boolean {
  if (globalConfig.testPathPattern !== '') return false;
  const selected = (env.NKG_TEST_SELECTED_PROJECTS ?? '').split(' ').filter(Boolean);
  return selected.length === 0 || selected.some((project) => SCRATCH_PROJECTS.includes(project));
}

const workers = (globalConfig: JestConfig.GlobalConfig): number => Math.max(1, globalConfig.maxWorkers);

/** The story databases' configurations: the one NEO4J_URI names, or one embedded Neo4j per worker. */
function storyConfigs(globalConfig: JestConfig.GlobalConfig): Config[] {
  const config = loadConfig();
  if (config.neo4j.uri !== null) return [config];
  const root = mkdtempSync(path.join(os.tmpdir(), 'nkg-test-neo4j-'));
  process.env.NKG_TEST_DATA_DIR = root;
  return Array.from({ length: workers(globalConfig) }, (_, i) => embeddedConfig(path.join(root, `worker-${i + 1}`)));
}

/**
 * `config` for seeding a story database: the story goes in as one transaction, on a JVM whose
 * planner and compiler are still cold, while the run starts its other JVMs and the type
 * checkers run beside it; on a machine shared with other work that outlasts the API's
 * transaction timeout. Only global setup's own connection gets the longer one: the files
 * connect with the configuration they test.
 */
function seeding(config: Config): Config {
  const patientConfig = patient(config);
  return { ...patientConfig, timeouts: { ...patientConfig.timeouts, transactionMs: Math.max(patientConfig.timeouts.transactionMs, 120_000) } };
}

/**
 * Samples the story's index statistics and drops the plans cached so far (those of the
 * seeding, made on an empty graph), so that every plan of the run is made on the story's
 * real statistics from the first: query-plans.test.ts checks the plans the files' queries
 * already got instead of clearing the cache itself, which made every file after it on the
 * worker plan its queries again, and planning is most of what these JVMs spend.
 */
async function planOnTheStory(database: Database): Promise<void> {
  await database.gateway.driver.executeQuery('CALL db.prepareForReplanning(60)');
}

export default async function globalSetup(globalConfig: JestConfig.GlobalConfig): Promise<void> {
  const log = (line: string): void => void process.stderr.write(`[neo4j] ${line}\n`);
  const started = Date.now();
  const scratchCount = sharesScratch(globalConfig) ? workers(globalConfig) : 0;
  const [scratches, databases] = await Promise.all([
    Promise.all(Array.from({ length: scratchCount }, () => startOwnNeo4j())),
    Promise.all(
      storyConfigs(globalConfig).map(async (config) => {
        const database = await openDatabase(seeding(config), { log });
        await seedStory(database.gateway);
        await planOnTheStory(database);
        return database;
      }),
    ),
  ]);
  if (plansFile()) await Promise.all([...databases, ...scratches].map((database) => collectPlans(database.gateway.driver)));
  globalThis.__TEST_DATABASES__ = databases;
  globalThis.__TEST_SCRATCH_NEO4J__ = scratches;
  process.env[SCRATCH_URIS_VARIABLE] = scratches.map((scratch) => scratch.uri).join(' ');
  if (databases.some((database) => database.embedded)) {
    process.stderr.write(`\n[neo4j] embedded Neo4j for tests at ${databases.map((d) => d.uri).join(', ')} (${Date.now() - started} ms)\n`);
    process.env.NEO4J_URI = databases[0]?.uri;
  }
  process.env[STORY_URIS_VARIABLE] = databases.map((database) => database.uri).join(' ');
  // For the cost environment (cost-environment.ts): these JVMs serve the whole run, one worker each.
  const pids = (handles: readonly Database[]): string => handles.map((database) => database.embedded?.pid ?? 0).join(' ');
  process.env[STORY_PIDS_VARIABLE] = pids(databases);
  process.env[SCRATCH_PIDS_VARIABLE] = pids(scratches);
}
