/**
 * Setup for every test file of a project with a Neo4j: waits until global setup's Neo4j JVMs
 * are ready (run-neo4j.ts), then points NEO4J_URI at the run's story database, which every
 * worker shares (nothing commits to it after its seed: story-unchanged.ts checks that after
 * every file), and SCRATCH_URI_VARIABLE at the worker's scratch Neo4j, when the run has them
 * (own-neo4j.ts). Jest gives each file its own copy of process.env, which loadConfig, the
 * tests and the commands they start read.
 */
import { SCRATCH_URI_VARIABLE, sharedNeo4j, workersOwn } from './run-neo4j';

const shared = sharedNeo4j();
if (shared) {
  process.env.NEO4J_URI = shared.story.uri;
  const scratch = workersOwn(shared.scratch);
  if (scratch) process.env[SCRATCH_URI_VARIABLE] = scratch.uri;
}
