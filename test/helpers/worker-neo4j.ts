/**
 * Setup for every test file of a project with a Neo4j: NEO4J_URI names the story database of
 * the jest worker the file runs in (global-setup.ts starts one per worker), so files running
 * at the same time never see each other's writes; SCRATCH_URI_VARIABLE names the worker's
 * scratch Neo4j, when the run has them (own-neo4j.ts). Jest gives each file its own copy of
 * process.env, which loadConfig, the tests and the commands they start read.
 */
export const STORY_URIS_VARIABLE = 'NKG_TEST_STORY_NEO4J_URIS';
export const SCRATCH_URIS_VARIABLE = 'NKG_TEST_SCRATCH_NEO4J_URIS';
/** The process ids of those Neo4j JVMs, in the same order, for the cost environment (cost-environment.ts). */
export const STORY_PIDS_VARIABLE = 'NKG_TEST_STORY_NEO4J_PIDS';
export const SCRATCH_PIDS_VARIABLE = 'NKG_TEST_SCRATCH_NEO4J_PIDS';
/** The environment variable through which this file hands the worker's scratch Neo4j to scratchGraph. */
export const SCRATCH_URI_VARIABLE = 'NKG_TEST_SCRATCH_NEO4J_URI';

const worker = Number(process.env.JEST_WORKER_ID ?? '1');

/** This worker's entry of a space-separated list, one entry per worker. */
export function workersOwn(variable: string): string | undefined {
  const uris = (process.env[variable] ?? '').split(' ').filter(Boolean);
  return uris[(worker - 1) % Math.max(1, uris.length)];
}

const story = workersOwn(STORY_URIS_VARIABLE);
if (story) process.env.NEO4J_URI = story;
const scratch = workersOwn(SCRATCH_URIS_VARIABLE);
if (scratch) process.env[SCRATCH_URI_VARIABLE] = scratch;
