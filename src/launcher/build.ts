/**
 * Building launcher/target/neo4j-launcher.jar with Maven when it is missing or older than
 * launcher/pom.xml or launcher/src, then recording the class-data-sharing archive (cds.ts).
 * Safe to call concurrently, also from several processes: a lock directory in
 * launcher/target serialises builds.
 */
import { spawn } from 'node:child_process';
import { promises as fsp, type Dirent } from 'node:fs';
import path from 'node:path';
import { isErrno, isProcessAlive, pushTail, readLines, stripAnsi, waitForExit } from './child-process';
import { needsCdsArchive, recordCdsArchive } from './cds';
import { EmbeddedNeo4jError } from './error';
import { findBuildTools, javaInfo } from './java';
import { launcherPaths, mtimeMs, type LauncherPaths } from './paths';

/** A lock older than this belongs to a build that died without removing it. */
const BUILD_LOCK_STALE_MS = 20 * 60_000;
/** How often a cold build's download count is reported, at most. */
const DOWNLOAD_REPORT_MS = 3_000;

let buildPromise: Promise<string> | undefined;

/**
 * Records the class-data-sharing archive when the jar has none, whatever EMBEDDED_NEO4J_CDS=use
 * says (which keeps JVM starts from recording it, and from waiting for this), building the jar
 * first if needed. Best effort, as at a start (cds.ts).
 */
export async function recordLauncherArchive(log: (line: string) => void): Promise<void> {
  await buildLauncher(log);
  const paths = launcherPaths();
  const info = await javaInfo();
  if (!(await needsCdsArchive(paths, info, 'record'))) return;
  const release = await acquireBuildLock(paths, log);
  try {
    if (await needsCdsArchive(paths, info, 'record')) await recordCdsArchive(paths, info, log);
  } finally {
    await release();
  }
}

/** Builds the launcher if needed and returns the jar's path. */
export async function buildLauncher(log: (line: string) => void): Promise<string> {
  buildPromise ??= buildIfNeeded(log).finally(() => {
    buildPromise = undefined;
  });
  return buildPromise;
}

async function buildIfNeeded(log: (line: string) => void): Promise<string> {
  const paths = launcherPaths();
  const info = await javaInfo();
  if ((await isJarFresh(paths)) && !(await needsCdsArchive(paths, info))) return paths.jar;

  await fsp.mkdir(paths.target, { recursive: true });
  const release = await acquireBuildLock(paths, log);
  try {
    if (!(await isJarFresh(paths))) {
      await runMaven(await findBuildTools(info), paths, log);
      if (!(await isJarFresh(paths))) {
        throw new EmbeddedNeo4jError(`Maven finished but ${paths.jar} is still missing or stale`, 'BUILD_FAILED');
      }
    }
    if (await needsCdsArchive(paths, info)) await recordCdsArchive(paths, info, log);
  } finally {
    await release();
  }
  return paths.jar;
}

async function isJarFresh(paths: LauncherPaths): Promise<boolean> {
  const jarTime = await mtimeMs(paths.jar);
  if (jarTime === null) return false;
  try {
    const libs = await fsp.readdir(paths.lib);
    if (!libs.some((name) => name.endsWith('.jar'))) return false;
  } catch {
    return false;
  }
  const newestInput = Math.max((await mtimeMs(paths.pom)) ?? 0, await newestMtime(paths.sources));
  return jarTime >= newestInput;
}

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  let entries: Dirent[];
  try {
    entries = await fsp.readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? await newestMtime(full) : ((await mtimeMs(full)) ?? 0));
  }
  return Math.max(newest, (await mtimeMs(dir)) ?? 0);
}

async function runMaven(mvn: string, paths: LauncherPaths, log: (line: string) => void): Promise<void> {
  const args = ['-B', '-Dstyle.color=never', '-f', paths.pom, 'package', '-DskipTests'];
  log(`building the Neo4j launcher: ${mvn} ${args.join(' ')} (the first build downloads Neo4j into ~/.m2)`);
  const started = Date.now();
  const child = spawn(mvn, args, { cwd: paths.launcherDir, stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
  const tail: string[] = [];
  const downloads = new DownloadReport(log);
  const onLine = (raw: string): void => {
    const line = stripAnsi(raw);
    if (!line.trim()) return;
    pushTail(tail, line);
    if (line.includes('Downloading from ') || downloads.count(line)) return;
    downloads.report(true);
    log(`mvn: ${line}`);
  };
  const done = Promise.all([readLines(child.stdout, onLine), readLines(child.stderr, onLine)]);
  const [code] = await waitForExit(child);
  await done;
  downloads.report(true);
  if (code !== 0) {
    throw new EmbeddedNeo4jError(
      `Maven build of the Neo4j launcher failed (exit code ${code}); last output:\n${tail.slice(-15).join('\n')}`,
      'BUILD_FAILED',
      tail,
    );
  }
  log(`built ${path.relative(paths.root, paths.jar)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** A cold build downloads hundreds of files: they are reported as one progress line every few seconds. */
class DownloadReport {
  private files = 0;
  private bytes = 0;
  private reportedAt = 0;
  private reportedFiles = 0;

  constructor(private readonly log: (line: string) => void) {}

  /** Counts a "Downloaded from" line; false for any other line. */
  count(line: string): boolean {
    const downloaded = /Downloaded from .*\((\d+(?:\.\d+)?) (B|kB|MB|GB)/.exec(line);
    if (!downloaded) return false;
    const factor = { B: 1, kB: 1e3, MB: 1e6, GB: 1e9 }[downloaded[2] as 'B' | 'kB' | 'MB' | 'GB'];
    this.files += 1;
    this.bytes += Number(downloaded[1]) * factor;
    this.report(false);
    return true;
  }

  report(force: boolean): void {
    if (this.files === this.reportedFiles || (!force && Date.now() - this.reportedAt < DOWNLOAD_REPORT_MS)) return;
    this.log(`mvn: downloaded ${this.files} files (${(this.bytes / 1e6).toFixed(1)} MB) so far`);
    this.reportedAt = Date.now();
    this.reportedFiles = this.files;
  }
}

async function acquireBuildLock(paths: LauncherPaths, log: (line: string) => void): Promise<() => Promise<void>> {
  const ownerFile = path.join(paths.buildLock, 'owner');
  let announced = false;
  for (;;) {
    try {
      await fsp.mkdir(paths.buildLock);
      await fsp.writeFile(ownerFile, `${process.pid}\n`);
      return async () => {
        await fsp.rm(paths.buildLock, { recursive: true, force: true });
      };
    } catch (error) {
      if (!isErrno(error, 'EEXIST')) throw error;
    }
    if (await isBuildLockStale(paths.buildLock, ownerFile)) {
      await fsp.rm(paths.buildLock, { recursive: true, force: true });
      continue;
    }
    if (!announced) {
      log('waiting for another process that is building the Neo4j launcher');
      announced = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function isBuildLockStale(lockDir: string, ownerFile: string): Promise<boolean> {
  const created = await mtimeMs(lockDir);
  if (created === null) return false; // gone already: retry
  if (Date.now() - created > BUILD_LOCK_STALE_MS) return true;
  try {
    const pid = Number((await fsp.readFile(ownerFile, 'utf8')).trim());
    if (Number.isInteger(pid) && pid > 0 && !isProcessAlive(pid)) return true;
  } catch {
    // owner not written yet: give it time
  }
  return false;
}
