/** The bench's command line: what to measure, on which servers, for how long. */
import { DEFAULT_LOAD } from '../src/ingest/bulk-load';
import { parseOptions, parseSize } from './args';
import { HEADLINE_OPERATIONS, OPERATIONS, SERVERS, type Operation, type Server } from './operations';

const USAGE =
  'usage: npm run bench -- [--size 10000] [--seed 42] [--duration 5] [--warmup 2] [--repeat 3] [--connections 8] [--ops a,b,c,d,e,f,g (also h,i,j,k)] [--servers ours,peer,floor] [--fresh] [--ingest-concurrency 1] [--ingest-batch 100] [--page 100]';

export interface Settings {
  readonly size: number;
  readonly seed: number;
  /** Seconds per timed run, after `warmup` seconds of the same load that are not counted. */
  readonly duration: number;
  readonly warmup: number;
  /** Timed runs per operation and server; the tables report their median. */
  readonly repeat: number;
  readonly connections: number;
  readonly ops: readonly Operation[];
  readonly servers: readonly Server[];
  readonly fresh: boolean;
  readonly ingestConcurrency: number;
  readonly ingestBatch: number;
  readonly page: number;
}

export function settings(argv: readonly string[]): Settings {
  const o = parseOptions(
    argv,
    {
      size: 'string',
      seed: 'number',
      duration: 'number',
      warmup: 'number',
      repeat: 'number',
      connections: 'number',
      ops: 'string',
      servers: 'string',
      fresh: 'flag',
      'ingest-concurrency': 'number',
      'ingest-batch': 'number',
      page: 'number',
    },
    USAGE,
  );
  const keys = ((o.ops as string | undefined) ?? HEADLINE_OPERATIONS.map((op) => op.key).join(',')).split(',');
  const ops = keys.map((key) => {
    const op = OPERATIONS.find((candidate) => candidate.key === key.trim());
    if (!op) throw new Error(`--ops expects keys among ${OPERATIONS.map((c) => c.key).join(', ')}; received ${JSON.stringify(key)}`);
    return op;
  });
  const servers = ((o.servers as string | undefined) ?? SERVERS.join(',')).split(',').map((s) => {
    if (!(SERVERS as readonly string[]).includes(s)) throw new Error(`--servers expects names among ${SERVERS.join(', ')}; received ${JSON.stringify(s)}`);
    return s as Server;
  });
  return {
    size: parseSize((o.size as string | undefined) ?? '10000'),
    seed: (o.seed as number | undefined) ?? 42,
    duration: (o.duration as number | undefined) ?? 5,
    warmup: (o.warmup as number | undefined) ?? 2,
    repeat: (o.repeat as number | undefined) ?? 3,
    connections: (o.connections as number | undefined) ?? 8,
    ops,
    servers,
    fresh: o.fresh === true,
    ingestConcurrency: (o['ingest-concurrency'] as number | undefined) ?? DEFAULT_LOAD.concurrency,
    ingestBatch: (o['ingest-batch'] as number | undefined) ?? DEFAULT_LOAD.batch,
    page: (o.page as number | undefined) ?? 100,
  };
}
