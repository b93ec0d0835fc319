/**
 * Three tiers, one command (`npm test` runs them all; `npx jest --selectProjects unit` runs one):
 * - unit: no database, no network beyond loopback sockets of its own; seconds.
 * - integration: real Neo4j started once for the run (global-setup.ts) and shared by every
 *   file that can share it; files that need an empty or changed graph use scratchGraph
 *   (test/helpers/own-neo4j.ts: the worker's scratch Neo4j, when the run names no file);
 *   files that stop Neo4j start their own.
 * - e2e: the explorer in Chromium, on the same Neo4j.
 *
 * `npm test` runs two files at a time (--maxWorkers=2) while the type checkers and ESLint run
 * beside it: on two cores, a file waiting on Neo4j or a JVM start leaves a core to the other.
 * The unit tier alone (`--selectProjects unit`) runs two at a time as well: Jest's default on
 * two cores (cores - 1) would run it in band. Other runs keep that default, because global
 * setup starts a scratch Neo4j per worker and a run of one named file would start two for nothing.
 * Both workers share one story Neo4j: nothing commits to it after its seed, which
 * story-unchanged.ts checks after every file, so neither sees the other's writes or loses
 * its kept answers. With NKG_TEST_OVERLAP_START=1 global setup returns while the JVMs start,
 * and the unit files run first (unit-first-sequencer.mjs), meanwhile; a file that needs Neo4j
 * then waits for it in its setup (worker-neo4j.ts). Not by default: global-setup.ts says why.
 *
 * ts-jest only transpiles: `npm run lint` type-checks src and test with tsc, so checking each
 * test file again inside jest would only repeat that work.
 */
const common = {
  preset: 'ts-jest',
  // NKG_TEST_COSTS=costs.jsonl records each file's wall and CPU time (test/helpers/costs.mjs reads it).
  testEnvironment: process.env.NKG_TEST_COSTS ? '<rootDir>/test/helpers/cost-environment.ts' : 'node',
  testMatch: ['**/*.test.ts'],
  setupFiles: ['reflect-metadata'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: { isolatedModules: true } }] },
};

const withNeo4j = {
  globalSetup: '<rootDir>/test/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/test/helpers/global-teardown.ts',
  setupFiles: [...common.setupFiles, '<rootDir>/test/helpers/worker-neo4j.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/helpers/story-unchanged.ts'],
};

/**
 * The projects the command line selects (`--selectProjects a b` or `--selectProjects=a`);
 * empty when it selects none, which runs them all. Jest hands global setup no such list, so
 * it reads this one from SELECTED_PROJECTS_VARIABLE (global-setup.ts).
 */
function selectedProjects(argv = process.argv) {
  const flag = argv.findIndex((arg) => arg === '--selectProjects' || arg.startsWith('--selectProjects='));
  if (flag < 0) return [];
  const inline = argv[flag].split('=')[1];
  const following = argv.slice(flag + 1);
  const end = following.findIndex((arg) => arg.startsWith('-'));
  return inline !== undefined ? [inline] : following.slice(0, end < 0 ? undefined : end);
}

const SELECTED_PROJECTS_VARIABLE = 'NKG_TEST_SELECTED_PROJECTS';
const selected = selectedProjects();
process.env[SELECTED_PROJECTS_VARIABLE] = selected.join(' ');
const onlyUnit = selected.length > 0 && selected.every((project) => project === 'unit');

/** @type {import('jest').Config} */
module.exports = {
  ...(onlyUnit ? { maxWorkers: 2 } : {}),
  testTimeout: 60000,
  testSequencer: '<rootDir>/test/helpers/unit-first-sequencer.mjs',
  projects: [
    { ...common, displayName: 'unit', roots: ['<rootDir>/test/unit'] },
    { ...common, ...withNeo4j, displayName: 'integration', roots: ['<rootDir>/test/integration'] },
    { ...common, ...withNeo4j, displayName: 'e2e', roots: ['<rootDir>/test/e2e'] },
    { ...common, ...withNeo4j, displayName: 'fault', roots: ['<rootDir>/test/fault'] },
  ],
};
