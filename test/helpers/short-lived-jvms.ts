/**
 * Setup for every test file of a project with a Neo4j: the Neo4j JVMs a file starts for
 * itself (an empty graph to load into, an outage to cause, a launcher to test) live for that
 * one file, cold,
 * and run most of their queries once. HotSpot's C2 compiler pays off on a JVM that runs for
 * hours; in these its compiler threads compete with the tests and Neo4j for two cores and
 * finish little that is used again, so they stop at C1. The shared Neo4j of the whole run
 * (global-setup.ts, started outside any test file) serves the same queries over and over
 * and keeps the full tiers, as the product's JVM does. Jest gives each file its own copy of
 * process.env, which the launcher hands to the JVM it starts.
 */
const javaOptions = process.env.JAVA_TOOL_OPTIONS ?? '';
if (!javaOptions.includes('TieredStopAtLevel')) process.env.JAVA_TOOL_OPTIONS = `${javaOptions} -XX:TieredStopAtLevel=1`.trim();
