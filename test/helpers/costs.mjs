// Prints what a run with NKG_TEST_COSTS=FILE recorded (cost-environment.ts, global-teardown.ts):
// CPU seconds per project and the costliest files, by what the file's worker spent (cpu) plus
// what its shared Neo4j spent meanwhile (neo4j: its worker's scratch JVM, and the story JVM,
// which also served the other worker's file then, so a project's neo4j sum counts some of
// the story JVM's time twice; the global line, all the shared JVMs spent, does not), and each
// worker's time in files, between them and idle at the end.
//   NKG_TEST_COSTS=/tmp/costs.jsonl npm test; node test/helpers/costs.mjs /tmp/costs.jsonl [how many files]
import { readFileSync } from 'node:fs';

const [file, top = '15'] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node test/helpers/costs.mjs COSTS.jsonl [how many files]\n');
  process.exit(2);
}
const lines = readFileSync(file, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line))
  .map((line) => ({ ...line, total: line.cpuSeconds + line.neo4jSeconds }));
const seconds = (n) => n.toFixed(1).padStart(8);

const projects = new Map();
for (const line of lines) {
  const sum = projects.get(line.project) ?? { files: 0, cpu: 0, neo4j: 0, wall: 0 };
  projects.set(line.project, { files: sum.files + 1, cpu: sum.cpu + line.cpuSeconds, neo4j: sum.neo4j + line.neo4jSeconds, wall: sum.wall + line.wallSeconds });
}
process.stdout.write('project        files     cpu   neo4j  file-wall (seconds; global = the shared JVMs, all they spent)\n');
for (const [project, sum] of projects) {
  process.stdout.write(`${project.padEnd(14)}${String(sum.files).padStart(6)}${seconds(sum.cpu)}${seconds(sum.neo4j)}${seconds(sum.wall)}\n`);
}
for (const line of lines.filter((l) => l.compilerSeconds !== undefined)) {
  const byJvm = Object.entries(line.byJvm ?? {}).map(([jvm, cpu]) => `${jvm} ${cpu.toFixed(1)}`);
  process.stdout.write(`(${line.file}: ${byJvm.length > 0 ? `${byJvm.join(', ')}; ` : ''}JIT compiler threads ${line.compilerSeconds.toFixed(1)}, garbage collector ${line.gcSeconds.toFixed(1)})\n`);
}
// Each worker's files end to end: the time between them, and how long before the run's last file it ended.
const files = lines.filter((l) => l.project !== 'global' && l.worker);
const lastEnd = Math.max(...files.map((l) => l.startedAt + l.wallSeconds * 1000));
for (const worker of [...new Set(files.map((l) => l.worker))].sort()) {
  const own = files.filter((l) => l.worker === worker).sort((a, b) => a.startedAt - b.startedAt);
  const end = Math.max(...own.map((l) => l.startedAt + l.wallSeconds * 1000));
  const inFiles = own.reduce((sum, l) => sum + l.wallSeconds, 0);
  const between = (end - own[0].startedAt) / 1000 - inFiles;
  process.stdout.write(`worker ${worker}: ${own.length} files, ${inFiles.toFixed(1)} s in them, ${between.toFixed(1)} s between them, done ${((lastEnd - end) / 1000).toFixed(1)} s before the run's last file\n`);
}
process.stdout.write('\n   total     cpu   neo4j    wall  file\n');
for (const line of lines
  .filter((l) => l.project !== 'global')
  .sort((a, b) => b.total - a.total)
  .slice(0, Number(top))) {
  process.stdout.write(`${seconds(line.total)}${seconds(line.cpuSeconds)}${seconds(line.neo4jSeconds)}${seconds(line.wallSeconds)}  ${line.file}\n`);
}
