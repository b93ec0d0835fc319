/**
 * Imported by global setup, before it starts anything: every Neo4j JVM of a test run (the
 * story databases global setup starts, and those a file starts for itself: an empty graph to
 * load into, an outage to cause, a launcher to test) lives for minutes, not hours, on a heap
 * of a few hundred megabytes, and shares two cores with the tests and the other JVMs.
 * - HotSpot's C2 compiler pays off on a JVM that runs for hours; in these its compiler
 *   threads compete for the cores and finish little that is used again, so they stop at C1.
 * - Stopping at C1 also shrinks the code cache to HotSpot's size for a JVM without C2 (48 MB),
 *   which the planner's code and each query's compiled expressions outgrow within minutes:
 *   the sweeper then throws out compiled methods that are soon compiled again. They keep
 *   the size a JVM with C2 gets (240 MB, reserved address space, not memory in use).
 * - G1's concurrent threads and write barriers buy short pauses on large heaps; on these
 *   small ones the serial collector does the same work for less CPU, and a test run minds
 *   CPU, not pauses (the launcher leaves out its own -XX:+UseG1GC when this names a
 *   collector, src/launcher/process.ts).
 * - Neo4j settings of their own (neo4j-test.conf, which the launcher reads from the file
 *   NKG_NEO4J_SETTINGS names): a test's graph changes far faster than a server's, and
 *   planning its queries again each time it does would be most of what the JVMs spend.
 * The launcher hands this process's environment to the JVM it starts, and jest's workers and
 * test files inherit it. The README's test costs have the measurements.
 */
import path from 'node:path';
import { choosesCollector } from '../../src/launcher/process';

const javaOptions = process.env.JAVA_TOOL_OPTIONS ?? '';
const additions = [
  ...(javaOptions.includes('TieredStopAtLevel') ? [] : ['-XX:TieredStopAtLevel=1']),
  ...(javaOptions.includes('ReservedCodeCacheSize') ? [] : ['-XX:ReservedCodeCacheSize=240m']),
  ...(choosesCollector(javaOptions) ? [] : ['-XX:+UseSerialGC']),
];
process.env.JAVA_TOOL_OPTIONS = [javaOptions, ...additions].join(' ').trim();
process.env.NKG_NEO4J_SETTINGS ??= path.join(__dirname, 'neo4j-test.conf');
