/**
 * Setup for every test file of a project with a Neo4j: NEO4J_URI names the story database of
 * the jest worker the file runs in (global-setup.ts starts one per worker), so files running
 * at the same time never see each other's writes. Jest gives each file its own copy of
 * process.env, which loadConfig, the tests and the commands they start read.
 */
export const STORY_URIS_VARIABLE = 'NKG_TEST_STORY_NEO4J_URIS';

const uris = (process.env[STORY_URIS_VARIABLE] ?? '').split(' ').filter(Boolean);
const worker = Number(process.env.JEST_WORKER_ID ?? '1');
const uri = uris[(worker - 1) % Math.max(1, uris.length)];
if (uri) process.env.NEO4J_URI = uri;
