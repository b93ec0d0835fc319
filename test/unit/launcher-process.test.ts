/**
 * What the launcher reads from the Neo4j JVM without starting one: its ready line, the
 * error for a JVM that ended before it (another launcher holding the store, or anything
 * else), the sizes its options accept, and the collector its command line names.
 */
import type { LauncherPaths } from '../../src/launcher/paths';
import { exitedBeforeReady, jvmArguments, NEO4J_JVM_FLAGS, parseReadyLine, parseSize, type LaunchOptions } from '../../src/launcher/process';

describe('parseReadyLine', () => {
  it('reads the URI, pid, port, version and data directory', () => {
    const line = '{"uri":"bolt://127.0.0.1:40137","host":"127.0.0.1","port":40137,"pid":31162,"version":"5.26.30","dataDir":"/srv/neo4j","startMillis":9000}';
    expect(parseReadyLine(line)).toEqual({ uri: 'bolt://127.0.0.1:40137', pid: 31162, port: 40137, version: '5.26.30', dataDir: '/srv/neo4j' });
  });

  it('refuses a line without a bolt URI or without a pid', () => {
    expect(() => parseReadyLine('{"uri":"http://127.0.0.1:7474","pid":1,"port":7474}')).toThrow('missing uri');
    expect(() => parseReadyLine('{"uri":"bolt://127.0.0.1:7687","port":7687}')).toThrow('missing pid or port');
  });
});

describe('exitedBeforeReady', () => {
  it("is DATA_DIR_IN_USE, in one line, when the launcher's lock was held", () => {
    const tail = ['neo4j-launcher: data directory /srv/neo4j is in use by another Neo4j process (pid 42) (store lock held)'];
    const error = exitedBeforeReady(tail, 3, null, '/srv/neo4j');
    expect(error.code).toBe('DATA_DIR_IN_USE');
    expect(error.message).toBe('Embedded Neo4j did not start: data directory /srv/neo4j is in use by another Neo4j process (pid 42) (store lock held)');
  });

  it('is DATA_DIR_IN_USE on exit code 3 even when the line was lost', () => {
    expect(exitedBeforeReady([], 3, null, '/srv/neo4j').message).toBe(
      'Embedded Neo4j did not start: data directory /srv/neo4j is in use by another Neo4j process (store lock held)',
    );
  });

  it('is START_FAILED otherwise, with the status and the last output', () => {
    const error = exitedBeforeReady(['Error: Could not create the Java Virtual Machine.'], null, 'SIGKILL', '/srv/neo4j');
    expect(error.code).toBe('START_FAILED');
    expect(error.message).toBe('Embedded Neo4j exited before it was ready (signal SIGKILL); last output:\nError: Could not create the Java Virtual Machine.');
    expect(error.outputTail).toEqual(['Error: Could not create the Java Virtual Machine.']);
  });
});

describe('parseSize', () => {
  it('reads k, m and g in any case, and plain bytes', () => {
    expect([parseSize('512m'), parseSize('1G'), parseSize('64k'), parseSize('4096')]).toEqual([512 * 1024 ** 2, 1024 ** 3, 64 * 1024, 4096]);
  });

  it('answers null for anything else, and for zero', () => {
    expect([parseSize('1.5g'), parseSize('512 MB'), parseSize(''), parseSize('0m')]).toEqual([null, null, null, null]);
  });
});

describe('jvmArguments', () => {
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
  const collectors = (args: readonly string[]): string[] => args.filter((arg) => /^-XX:\+Use\w+GC$/.test(arg));

  it('names G1 unless told otherwise, and the parallel collector for a JVM that only loads', () => {
    expect(collectors(jvmArguments(paths, options(), {}))).toEqual(['-XX:+UseG1GC']);
    expect(collectors(jvmArguments(paths, options({ collector: 'Parallel' }), {}))).toEqual(['-XX:+UseParallelGC']);
  });

  it('names none when JAVA_TOOL_OPTIONS chooses one, since the JVM refuses two', () => {
    expect(collectors(jvmArguments(paths, options({ collector: 'Parallel' }), { JAVA_TOOL_OPTIONS: '-XX:+UseSerialGC' }))).toEqual([]);
  });

  /** The value HotSpot takes for `-XX:<name>=`: the last one on the command line, or null. */
  const effective = (args: readonly string[], name: string): number | null => {
    const values = args.filter((arg) => arg.startsWith(`-XX:${name}=`)).map((arg) => Number(arg.slice(`-XX:${name}=`.length)));
    return values.length === 0 ? null : (values[values.length - 1] as number);
  };

  const THRESHOLDS = ['Tier4InvocationThreshold', 'Tier4MinInvocationThreshold', 'Tier4CompileThreshold', 'Tier4BackEdgeThreshold'];

  describe('a load-only JVM’s JIT (LOAD_ONLY_JIT_FLAGS)', () => {
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
});
