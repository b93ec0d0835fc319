/**
 * Runs this project's TypeScript entry points (src/main.ts, the CLIs) in a plain `node`
 * child, as their build would run, without building: each .ts file is transpiled when it
 * is required, with the compiler options the build uses (decorator metadata included, which
 * type-graphql needs). Type errors are the type checker's business (`npm run lint`), so a
 * test that runs a command needs neither `tsc` nor dist/.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const REQUIRE_HOOK = `
const fs = require('node:fs');
const ts = require(${JSON.stringify(require.resolve('typescript'))});
require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      esModuleInterop: true,
      resolveJsonModule: true,
    },
  });
  module._compile(outputText, filename);
};
`;

export const ROOT = path.resolve(__dirname, '../..');

/**
 * The arguments that make `node` run `file` (relative to the project root) from source.
 * The hook is written into `dir`, a folder the caller owns and removes.
 */
export function nodeArgsFromSource(dir: string, file: string, args: readonly string[] = []): string[] {
  const hook = path.join(dir, 'typescript-require-hook.js');
  writeFileSync(hook, REQUIRE_HOOK);
  return ['-r', hook, path.join(ROOT, file), ...args];
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
