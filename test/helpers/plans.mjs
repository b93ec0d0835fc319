// Prints what a run with NKG_TEST_PLANS=FILE recorded (plan-counts.ts): per JVM the compile
// time and how many plans were made, then the query texts planned most often across them.
//   NKG_TEST_PLANS=/tmp/plans.jsonl npx jest --selectProjects integration; node test/helpers/plans.mjs /tmp/plans.jsonl [how many texts]
import { readFileSync } from 'node:fs';

const [file, top = '25'] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node test/helpers/plans.mjs PLANS.jsonl [how many texts]\n');
  process.exit(2);
}
const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
const jvms = new Map();
for (const l of lines) {
  const sum = jvms.get(l.jvm) ?? { texts: 0, runs: 0, planned: 0, compileMs: 0, replanned: 0 };
  jvms.set(l.jvm, { texts: sum.texts + 1, runs: sum.runs + l.runs, planned: sum.planned + l.planned, compileMs: sum.compileMs + l.compileMs, replanned: sum.replanned + Math.max(0, l.planned - 1) });
}
process.stdout.write('jvm                 texts    runs  planned  planned again  compile s\n');
for (const [jvm, s] of jvms) {
  process.stdout.write(`${jvm.padEnd(18)}${String(s.texts).padStart(7)}${String(s.runs).padStart(8)}${String(s.planned).padStart(9)}${String(s.replanned).padStart(15)}${(s.compileMs / 1000).toFixed(1).padStart(11)}\n`);
}
const texts = new Map();
for (const l of lines) {
  const sum = texts.get(l.query) ?? { jvms: 0, runs: 0, planned: 0, compileMs: 0 };
  texts.set(l.query, { jvms: sum.jvms + 1, runs: sum.runs + l.runs, planned: sum.planned + l.planned, compileMs: sum.compileMs + l.compileMs });
}
process.stdout.write(`\n${texts.size} texts; costliest by compile time:\ncompile s  planned  runs  jvms  text\n`);
for (const [query, s] of [...texts].sort((a, b) => b[1].compileMs - a[1].compileMs).slice(0, Number(top))) {
  process.stdout.write(`${(s.compileMs / 1000).toFixed(1).padStart(9)}${String(s.planned).padStart(9)}${String(s.runs).padStart(6)}${String(s.jvms).padStart(6)}  ${query.replace(/\s+/g, ' ').slice(0, 150)}\n`);
}
