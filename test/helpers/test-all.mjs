// `npm test`: the type checkers and ESLint (`npm run lint`) run beside every jest tier, which
// runs two test files at a time (jest.config.js says why); fails when either fails. On two
// cores, lint fills the time the tests spend waiting on JVM starts and Neo4j. Arguments go to
// jest: `npm test -- --testPathPattern ingest`.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const jest = createRequire(import.meta.url).resolve('jest/bin/jest');

/** Runs a command with this terminal; resolves with its exit status (1 when a signal ended it). */
const run = (command, args) =>
  new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('error', () => resolve(1));
    child.on('exit', (code) => resolve(code ?? 1));
  });

const [linted, tested] = await Promise.all([
  run('npm', ['run', 'lint', '--silent']),
  run(process.execPath, [jest, '--maxWorkers=2', ...process.argv.slice(2)]),
]);
if (linted !== 0) process.stderr.write('npm test: npm run lint failed (its messages are above)\n');
process.exit(tested || linted);
