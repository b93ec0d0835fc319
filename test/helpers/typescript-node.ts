/**
 * Runs this project's TypeScript entry points (src/main.ts, the CLIs) in a plain `node`
 * child, as their build would run, without building: each .ts file is transpiled when it
 * is required. A file that declares decorators goes through TypeScript with the compiler
 * options the build uses, since type-graphql needs the decorator metadata that only
 * TypeScript emits; every other file goes through esbuild, which does the same erasure
 * without loading the TypeScript compiler into the child. Type errors are the type
 * checker's business (`npm run lint`), so a test that runs a command needs neither `tsc`
 * nor dist/.
 *
 * What a file transpiles to is kept on disk (TRANSPILED_CACHE), under a key made of the hook,
 * the file's path and its text: a test run starts many such processes and worker threads,
 * and each would otherwise load the TypeScript compiler and transpile the same files again.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Where the hook keeps what it transpiled (see the header); stale entries are never read again, since the key names the text. */
const TRANSPILED_CACHE = path.join(tmpdir(), 'nkg-transpiled-ts');

const REQUIRE_HOOK = `
const fs = require('node:fs');
let esbuild;
const DECORATED = /(^|[\\s(,])@[A-Za-z_$][\\w$.]*\\s*\\(/m;
let ts;
const viaTypeScript = (source, filename) => {
  ts ??= require(${JSON.stringify(require.resolve('typescript'))});
  return ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      esModuleInterop: true,
      resolveJsonModule: true,
    },
  }).outputText;
};
const viaEsbuild = (source, filename) =>
  (esbuild ??= require(${JSON.stringify(require.resolve('esbuild'))})).transformSync(source, {
    loader: 'ts',
    format: 'cjs',
    target: 'es2022',
    sourcefile: filename,
    tsconfigRaw: { compilerOptions: { useDefineForClassFields: true } },
  }).code;
const crypto = require('node:crypto');
const path = require('node:path');
const CACHE = ${JSON.stringify(TRANSPILED_CACHE)};
const HOOK = crypto.createHash('sha1').update(fs.readFileSync(__filename)).digest('hex');
const transpile = (source, filename) => (DECORATED.test(source) ? viaTypeScript(source, filename) : viaEsbuild(source, filename));
const cached = (source, filename) => {
  const key = crypto.createHash('sha1').update(HOOK).update(filename).update('\\0').update(source).digest('hex');
  const file = path.join(CACHE, key + '.js');
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {}
  const code = transpile(source, filename);
  try {
    fs.mkdirSync(CACHE, { recursive: true });
    const partial = file + '.' + process.pid + '.' + require('node:worker_threads').threadId;
    fs.writeFileSync(partial, code);
    fs.renameSync(partial, file);
  } catch {}
  return code;
};
require.extensions['.ts'] = (module, filename) => {
  module._compile(cached(fs.readFileSync(filename, 'utf8'), filename), filename);
};
`;

export const ROOT = path.resolve(__dirname, '../..');

/**
 * The arguments that make `node` run `file` (relative to the project root) from source.
 * The hook is written into `dir`, a folder the caller owns and removes.
 */
export function nodeArgsFromSource(dir: string, file: string, args: readonly string[] = []): string[] {
  return [...requireHookArgs(dir), path.join(ROOT, file), ...args];
}

/** The node options that let a process or worker thread require this project's .ts files; the hook is written into `dir`. */
export function requireHookArgs(dir: string): string[] {
  const hook = path.join(dir, 'typescript-require-hook.js');
  writeFileSync(hook, REQUIRE_HOOK);
  return ['-r', hook];
}

/**
 * Worker-thread options for the extraction pool when the code runs from source (under
 * jest): its worker file is TypeScript. The hook goes to the system's temporary folder
 * under a fixed name, its content the same for every writer.
 */
export function sourceWorkers(): { execArgv: string[] } {
  return { execArgv: requireHookArgs(tmpdir()) };
}

export interface CommandRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `file` from source to its end, in the project root, and says how it ended. */
export function runFromSource(dir: string, file: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<CommandRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, nodeArgsFromSource(dir, file, args), { cwd: ROOT, env, maxBuffer: 1 << 26 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}
