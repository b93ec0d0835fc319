/**
 * Three tiers, one command (`npm test` runs them all; `npx jest --selectProjects unit` runs one):
 * - unit: no database, no network beyond loopback sockets of its own; seconds.
 * - integration: one real Neo4j for the whole run (global-setup.ts), shared by every file
 *   that can share it; files that need an empty or changed graph share a second one
 *   (scratchGraph in test/helpers/own-neo4j.ts); files that stop Neo4j start their own.
 * - e2e: the explorer in Chromium, on the same Neo4j.
 *
 * `npm test` runs the files one at a time (--runInBand): integration files share one graph,
 * and a kept answer ends at any commit anywhere in it, so two files at once would see each
 * other's writes; on two cores, Neo4j needs the other one anyway.
 *
 * ts-jest only transpiles: `npm run lint` type-checks src and test with tsc before jest runs,
 * so checking each test file again inside jest would only repeat that work.
 */
const common = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts'],
  setupFiles: ['reflect-metadata'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: { isolatedModules: true } }] },
};

const withNeo4j = {
  globalSetup: '<rootDir>/test/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/test/helpers/global-teardown.ts',
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', roots: ['<rootDir>/test/unit'] },
    {
      ...common,
      ...withNeo4j,
      displayName: 'integration',
      roots: ['<rootDir>/test/integration'],
      setupFiles: [...common.setupFiles, '<rootDir>/test/helpers/short-lived-jvms.ts'],
    },
    { ...common, ...withNeo4j, displayName: 'e2e', roots: ['<rootDir>/test/e2e'] },
    { ...common, ...withNeo4j, displayName: 'fault', roots: ['<rootDir>/test/fault'] },
  ],
};
