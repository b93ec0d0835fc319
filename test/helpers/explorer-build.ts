/**
 * The explorer as `npm run build` ships it, built fresh for the browser tests
 * (explorer/build.mjs, without its type check, which `npm run lint` makes): once per run when
 * global setup built it (buildExplorerForRun), else by the file that asks, into a folder of
 * its own. Both e2e files read the same pages and assets and write nothing into them, so one
 * build serves both, and global setup makes it while the JVMs start.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '../..');
/** The environment variable naming the folder global setup built the explorer into. */
export const EXPLORER_DIR_VARIABLE = 'NKG_TEST_EXPLORER_DIR';

const build = (outdir: string): Promise<unknown> => promisify(execFile)(process.execPath, [path.join(ROOT, 'explorer', 'build.mjs'), '--outdir', outdir, '--no-check'], { cwd: ROOT });

/**
 * Global setup's build into `outdir`, which the files of the run then share
 * (EXPLORER_DIR_VARIABLE). A failed build fails no other file: the browser files then build
 * their own, and fail with its message.
 */
export async function buildExplorerForRun(outdir: string, log: (line: string) => void): Promise<void> {
  try {
    await build(outdir);
    process.env[EXPLORER_DIR_VARIABLE] = outdir;
  } catch (error) {
    log(`could not build the explorer for the browser tests, which will each try again: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export interface BuiltExplorer {
  readonly distDir: string;
  /** Removes the build when it was the file's own; the run's stays for the other files. */
  remove(): void;
}

/** The run's build when global setup made one, else a build of the file's own. */
export async function builtExplorer(prefix: string): Promise<BuiltExplorer> {
  const shared = process.env[EXPLORER_DIR_VARIABLE];
  if (shared) return { distDir: shared, remove: () => undefined };
  const distDir = mkdtempSync(path.join(os.tmpdir(), prefix));
  await build(distDir);
  return { distDir, remove: () => rmSync(distDir, { recursive: true, force: true }) };
}
