/**
 * Imported by global setup, before it starts anything: every Neo4j JVM of a test run (the
 * story databases global setup starts, and those a file starts for itself: an empty graph to
 * load into, an outage to cause, a launcher to test) lives for minutes, not hours. HotSpot's
 * C2 compiler pays off on a JVM that runs for hours; in these its compiler threads compete
 * with the tests and Neo4j for two cores and finish little that is used again, so they stop
 * at C1. The launcher hands this process's environment to the JVM it starts, and jest's
 * workers and test files inherit it.
 */
const javaOptions = process.env.JAVA_TOOL_OPTIONS ?? '';
if (!javaOptions.includes('TieredStopAtLevel')) process.env.JAVA_TOOL_OPTIONS = `${javaOptions} -XX:TieredStopAtLevel=1`.trim();
