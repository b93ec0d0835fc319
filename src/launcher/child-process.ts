/**
 * Running the launcher's child processes (java, javac, mvn, the Neo4j JVM) and reading
 * their output a line at a time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import readline from 'node:readline';

/** How many of a child's last output lines an error carries. */
const OUTPUT_TAIL_LINES = 40;

export interface CommandResult {
  readonly code: number | null;
  readonly output: string[];
}

/** Runs a short command, collecting stdout and stderr lines; rejects with the spawn error (e.g. ENOENT). */
export async function runCommand(command: string, args: readonly string[]): Promise<CommandResult> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' && command.endsWith('.cmd') });
  const output: string[] = [];
  const spawned = new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  await spawned;
  const reading = Promise.all([readLines(child.stdout, (l) => output.push(stripAnsi(l))), readLines(child.stderr, (l) => output.push(stripAnsi(l)))]);
  const [code] = await waitForExit(child);
  await reading;
  return { code, output };
}

/** Resolves when the child exits, or at once with [null, null] if it could not be spawned. */
export function waitForExit(child: ChildProcess): Promise<[number | null, NodeJS.Signals | null]> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve([child.exitCode, child.signalCode]);
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve([code, signal]));
    child.once('error', () => {
      if (child.pid === undefined) resolve([null, null]);
    });
  });
}

export function readLines(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): Promise<void> {
  if (!stream) return Promise.resolve();
  const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
  lines.on('line', onLine);
  return once(lines, 'close').then(() => undefined);
}

/** Keeps the last OUTPUT_TAIL_LINES lines of a child's output, for its error message. */
export function pushTail(tail: string[], line: string): void {
  tail.push(line);
  if (tail.length > OUTPUT_TAIL_LINES) tail.shift();
}

export function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
}

/** Whether a process with this id exists (one we may not signal counts: it is alive). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isErrno(error, 'EPERM');
  }
}

export function isErrno(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

export function isNotFound(error: unknown): boolean {
  return isErrno(error, 'ENOENT');
}
