/**
 * Three tiers, one command (`npm test` runs them all; `npx jest --selectProjects unit` runs one):
 * - unit: no database, no network beyond loopback sockets of its own; seconds.
 * - integration: one real Neo4j for the whole run (global-setup.ts), shared by every file
 *   that can share it; files that need an empty or changed graph start one of their own.
 * - e2e: the explorer in Chromium, on the same Neo4j.
 *
 * ts-jest only transpiles: `npm run lint` type-checks src and test with tsc before jest runs,
 * so checking each test file again inside jest would only repeat that work.
 */
/**
 * The Neo4j JVMs the tests start (the shared one, and those of the few files that need their
 * own) live for seconds to a couple of minutes, and run hundreds of distinct queries once
 * each. HotSpot's C2 compiler pays off on a server that runs for hours; here its compiler
 * threads compete with the tests and Neo4j for two cores and finish little that is used
 * again, so test JVMs stop at C1 (measurements in the commit that added this). The product's
 * JVMs are untouched: the variable is set for this jest process and its children only.
 */
const C1_ONLY = '-XX:TieredStopAtLevel=1';
const javaOptions = process.env.JAVA_TOOL_OPTIONS ?? '';
if (!javaOptions.includes('TieredStopAtLevel')) process.env.JAVA_TOOL_OPTIONS = `${javaOptions} ${C1_ONLY}`.trim();

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
    { ...common, ...withNeo4j, displayName: 'integration', roots: ['<rootDir>/test/integration'] },
    { ...common, ...withNeo4j, displayName: 'e2e', roots: ['<rootDir>/test/e2e'] },
  ],
};
