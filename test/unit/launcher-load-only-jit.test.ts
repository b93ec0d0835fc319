/**
 * The JIT settings of a Neo4j JVM that only bulk loads (src/launcher/process.ts
 * LOAD_ONLY_JIT_FLAGS): its command line raises the C2 thresholds above the serving JVM's and
 * inlines less deeply; a JVM that serves requests keeps the launcher's own settings.
 */
import type { LauncherPaths } from '../../src/launcher/paths';
import { jvmArguments, NEO4J_JVM_FLAGS, type LaunchOptions } from '../../src/launcher/process';

const paths = { jar: '/launcher/neo4j-launcher.jar' } as LauncherPaths;
const options = (extra: Partial<LaunchOptions> = {}): LaunchOptions => ({
  dataDir: '/srv/neo4j',
  port: 0,
  heap: '512m',
  pageCache: '256m',
  startTimeoutMs: 1000,
  extraJvmFlags: [],
  log: () => undefined,
  ...extra,
});

/** The value HotSpot takes for `-XX:<name>=`: the last one on the command line, or null. */
const effective = (args: readonly string[], name: string): number | null => {
  const values = args.filter((arg) => arg.startsWith(`-XX:${name}=`)).map((arg) => Number(arg.slice(`-XX:${name}=`.length)));
  return values.length === 0 ? null : (values[values.length - 1] as number);
};

const THRESHOLDS = ['Tier4InvocationThreshold', 'Tier4MinInvocationThreshold', 'Tier4CompileThreshold', 'Tier4BackEdgeThreshold'];

describe('a load-only JVM’s JIT', () => {
  it('compiles with C2 later than a serving JVM, for every C2 threshold', () => {
    const serving = jvmArguments(paths, options(), {});
    const loading = jvmArguments(paths, options({ collector: 'Parallel' }), {});
    for (const name of THRESHOLDS) {
      const served = effective(serving, name) as number;
      expect(served).toBeGreaterThan(0);
      expect(effective(loading, name)).toBeGreaterThan(served);
    }
  });

  it('inlines less deeply than HotSpot’s default (15) only when it loads', () => {
    expect(effective(jvmArguments(paths, options({ collector: 'Parallel' }), {}), 'MaxInlineLevel')).toBeLessThan(15);
    expect(effective(jvmArguments(paths, options(), {}), 'MaxInlineLevel')).toBeNull();
  });

  it('keeps the JIT settings when JAVA_TOOL_OPTIONS chooses the collector', () => {
    const args = jvmArguments(paths, options({ collector: 'Parallel' }), { JAVA_TOOL_OPTIONS: '-XX:+UseSerialGC' });
    expect(effective(args, 'MaxInlineLevel')).not.toBeNull();
    // The serving JVM's flags stay first, so the load-only values are the ones HotSpot keeps.
    expect(args.indexOf(NEO4J_JVM_FLAGS[0] as string)).toBeLessThan(args.findIndex((arg) => arg.startsWith('-XX:MaxInlineLevel=')));
  });
});
