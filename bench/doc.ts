/**
 * `npm run bench:doc [small] [large]`: BENCHMARKS.md's tables from bench/results/ (default
 * 10000 and 100000), so a rerun of the bench changes the page without a hand edit.
 *
 * It first writes runs-<small>-<large>.md, the facts of the two runs that bench-<size>.json
 * holds and no table shows (machine, commit, corpus, load, memory), beside the tables the
 * bench and `npm run bench:compare` wrote. Then every block of BENCHMARKS.md that starts with
 * `<!-- bench/results/<file> -->` and ends with `<!-- end bench/results/<file> -->` is
 * replaced by that file, as it is. test/unit/benchmarks-doc.test.ts fails when a block and
 * its file differ, so the page can only show what a run wrote.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/config';

interface RunFile {
  readonly when: string;
  readonly commit: string;
  readonly settings: { readonly seed: number; readonly ingestBatch: number; readonly ingestConcurrency: number };
  readonly machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; java: string; neo4j: string; platform: string };
  readonly corpus: { readonly statements: number; readonly counts: Readonly<Record<string, number>>; readonly graph: Readonly<Record<string, number>> };
  readonly ingest: { readonly documents: number; readonly seconds: number; readonly statementsPerSecond: number };
  readonly memory: { readonly serverRssPeakMb: Readonly<Record<string, number>>; readonly neo4jRssMb: number };
}

const RESULTS = path.join(projectRoot(), 'bench', 'results');
const DOC = path.join(projectRoot(), 'BENCHMARKS.md');
/** The load target (issue 26): 100 000 statements, whole and searchable, in at most 30 s. */
const LOAD_TARGET = { statements: 100_000, seconds: 30 } as const;

/** 100000 → "100 000", as the page writes numbers. */
const grouped = (n: number): string => Math.round(n).toLocaleString('en-US').replace(/,/g, ' ');

function run(size: number): RunFile {
  const file = path.join(RESULTS, `bench-${size}.json`);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run bench -- --size ${size}\` first`);
  return JSON.parse(readFileSync(file, 'utf8')) as RunFile;
}

function corpusLine(r: RunFile): string {
  const c = r.corpus.counts;
  const n = (key: string): string => grouped(c[key] ?? 0);
  return (
    `${n('articles')} articles, ${n('people')} people (${n('localPeople')} quoted locally, the rest by many outlets), ${n('organizations')} organizations, ${n('places')} places, ` +
    `${n('policies')} policies, ${n('events')} events; ${n('direct')} direct, ${n('partial')} partial and ${n('indirect')} indirect statements, ` +
    `${n('nested')} inside another, ${n('reported')} credited to an outlet, ${n('repeatedQuotes')} repeated word for word in a second article`
  );
}

function loadLine(r: RunFile): string {
  const line =
    `${grouped(r.ingest.documents)} documents in ${r.ingest.seconds.toFixed(1)} s, ${grouped(r.ingest.statementsPerSecond)} statements/s ` +
    `(${r.settings.ingestBatch} documents a transaction, ${r.settings.ingestConcurrency} at a time)`;
  if (r.corpus.statements !== LOAD_TARGET.statements) return line;
  const met = r.ingest.seconds <= LOAD_TARGET.seconds;
  return `${line}; target ${LOAD_TARGET.seconds} s or less: ${met ? 'met' : 'NOT met'}`;
}

/** The facts of each run, one column per run. */
function runsTable(runs: readonly RunFile[]): string {
  const rows: [string, (r: RunFile) => string][] = [
    ['measured', (r) => `${r.when.slice(0, 16).replace('T', ' ')} UTC at commit \`${r.commit.slice(0, 7)}\``],
    ['CPU', (r) => `${r.machine.cpus} cores, ${r.machine.cpuModel}`],
    ['memory', (r) => `${r.machine.memoryGiB} GiB`],
    ['OS', (r) => r.machine.platform],
    ['Node', (r) => r.machine.node],
    ['Java', (r) => r.machine.java],
    ['Neo4j', (r) => `Community ${r.machine.neo4j}, embedded by \`launcher/\``],
    ['corpus', (r) => `seed ${r.settings.seed}: ${corpusLine(r)}`],
    ['load', loadLine],
    ['peak RSS', (r) => `${Object.entries(r.memory.serverRssPeakMb).map(([server, mb]) => `${server} ${mb} MB`).join(', ')}; Neo4j ${grouped(r.memory.neo4jRssMb)} MB`],
  ];
  const header = `| | ${runs.map((r) => `${grouped(r.corpus.statements)} statements`).join(' | ')} |`;
  const rule = `|---|${runs.map(() => '---').join('|')}|`;
  return [header, rule, ...rows.map(([name, cell]) => `| ${name} | ${runs.map((r) => cell(r).replace(/\|/g, '\\|')).join(' | ')} |`)].join('\n');
}

/** `doc` with every generated block replaced by its file from bench/results/. */
function withResults(doc: string, read: (file: string) => string): string {
  return doc.replace(/<!-- bench\/results\/(\S+) -->\n[\s\S]*?<!-- end bench\/results\/\1 -->/g, (_block, file: string) => {
    return `<!-- bench/results/${file} -->\n${read(file).trim()}\n<!-- end bench/results/${file} -->`;
  });
}

function main(): void {
  const [small = 10_000, large = 100_000] = process.argv.slice(2).map(Number);
  writeFileSync(path.join(RESULTS, `runs-${small}-${large}.md`), `${runsTable([run(small), run(large)])}\n`);
  const before = readFileSync(DOC, 'utf8');
  const after = withResults(before, (file) => {
    const source = path.join(RESULTS, file);
    if (!existsSync(source)) throw new Error(`BENCHMARKS.md shows bench/results/${file}, which is missing: run the bench (or bench:compare) that writes it`);
    return readFileSync(source, 'utf8');
  });
  writeFileSync(DOC, after);
  console.log(after === before ? 'BENCHMARKS.md already shows bench/results/' : 'BENCHMARKS.md updated from bench/results/');
}

main();
