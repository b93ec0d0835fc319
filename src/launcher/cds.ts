/**
 * The class-data-sharing archive: after each build, the launcher is started once with
 * -XX:ArchiveClassesAtExit, and the JVM writes the classes it loaded to
 * launcher/target/neo4j-launcher.jsa; later starts map it instead of loading and verifying
 * those classes again, which is much of a start's work. It is optional:
 * EMBEDDED_NEO4J_CDS=off skips it, and the JVM ignores a stale or unusable archive.
 * EMBEDDED_NEO4J_CDS=use starts with an archive recorded before but records none, for a
 * process that records it beside its JVM starts instead of before them (a test run's global
 * setup: recordLauncherArchive in build.ts).
 */
import { promises as fsp, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import type { JavaInfo } from './java';
import { mtimeMs, type LauncherPaths } from './paths';
import { launch } from './process';

export type CdsSetting = 'off' | 'use' | 'record';

export function cdsSetting(value = process.env.EMBEDDED_NEO4J_CDS ?? ''): CdsSetting {
  if (/^(0|off|false|no)$/i.test(value)) return 'off';
  return /^use$/i.test(value) ? 'use' : 'record';
}

/** What the archive is recorded for: this JVM, this jar and its libraries. */
async function cdsTarget(paths: LauncherPaths, info: JavaInfo): Promise<string> {
  const libs = (await fsp.readdir(paths.lib)).filter((n) => n.endsWith('.jar')).sort();
  let newestLib = 0;
  for (const name of libs) newestLib = Math.max(newestLib, (await mtimeMs(path.join(paths.lib, name))) ?? 0);
  return JSON.stringify({ java: info.java, javaVersion: info.versionLine, jarMtimeMs: await mtimeMs(paths.jar), libs: libs.length, newestLib });
}

/**
 * A recording that failed (a training run that timed out on a busy machine, say) is tried
 * again at the next start, up to this many times in all; past them, starts go without the
 * archive until the jar or the JVM changes, rather than paying a failing training run each.
 */
const CDS_ATTEMPTS = 3;

/** The stamp beside the archive: what it was recorded for, and whether the recording succeeded. */
interface CdsStamp {
  readonly target: string;
  readonly recorded: boolean;
  readonly failures: number;
}

/** The stamp, when it is about the current target; null for none, an unreadable one, or a stale one. */
async function currentStamp(paths: LauncherPaths, info: JavaInfo): Promise<CdsStamp | null> {
  try {
    const [text, target] = await Promise.all([fsp.readFile(paths.cdsStamp, 'utf8'), cdsTarget(paths, info)]);
    const stamp = JSON.parse(text) as Partial<CdsStamp>;
    if (stamp.target !== target || typeof stamp.recorded !== 'boolean' || typeof stamp.failures !== 'number') return null;
    return { target, recorded: stamp.recorded, failures: stamp.failures };
  } catch {
    return null;
  }
}

/** True when no archive was recorded for this jar, its libraries and this JVM, and a recording is still worth trying. */
export async function needsCdsArchive(paths: LauncherPaths, info: JavaInfo, setting = cdsSetting()): Promise<boolean> {
  if (setting !== 'record') return false;
  const stamp = await currentStamp(paths, info);
  return stamp === null || (!stamp.recorded && stamp.failures < CDS_ATTEMPTS);
}

/** The JVM flags that use the archive, or none when there is no current one. */
export async function cdsFlags(paths: LauncherPaths, info: JavaInfo): Promise<string[]> {
  if (cdsSetting() === 'off' || (await currentStamp(paths, info))?.recorded !== true) return [];
  return (await mtimeMs(paths.cdsArchive)) === null ? [] : [`-XX:SharedArchiveFile=${paths.cdsArchive}`];
}

/**
 * Records the archive from a short training run: start, a few Bolt queries, stop. Best
 * effort: the stamp says whether it succeeded, and a failure is tried again at later starts
 * (CDS_ATTEMPTS in all) until the jar or the JVM changes.
 */
export async function recordCdsArchive(paths: LauncherPaths, info: JavaInfo, log: (line: string) => void): Promise<void> {
  const partial = `${paths.cdsArchive}.partial`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'neo4j-launcher-cds-'));
  const failures = (await currentStamp(paths, info))?.failures ?? 0;
  await fsp.rm(partial, { force: true });
  await fsp.rm(paths.cdsStamp, { force: true });
  await fsp.rm(paths.cdsArchive, { force: true });
  log('recording a class-data-sharing archive for faster starts (one-off, a few seconds)');
  const started = Date.now();
  let recorded = false;
  try {
    await trainingRun(paths, info, dataDir, partial);
    if ((await mtimeMs(partial)) === null) {
      log('the JVM wrote no class-data-sharing archive; starts will just be slower');
      return;
    }
    await fsp.rename(partial, paths.cdsArchive);
    recorded = true;
    log(`recorded ${path.relative(paths.root, paths.cdsArchive)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    log(`skipping the class-data-sharing archive: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    const stamp: CdsStamp = { target: await cdsTarget(paths, info), recorded, failures: recorded ? failures : failures + 1 };
    await fsp.writeFile(paths.cdsStamp, JSON.stringify(stamp)).catch(() => undefined);
    await fsp.rm(partial, { force: true }).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const TRAINING_STOP_TIMEOUT_MS = 5 * 60_000;

/** Loads the classes a start and the common queries need; the JVM writes them to `archive` as it exits. */
async function trainingRun(paths: LauncherPaths, info: JavaInfo, dataDir: string, archive: string): Promise<void> {
  const instance = await launch(paths, info, {
    dataDir,
    port: 0,
    heap: '512m',
    pageCache: '64m',
    startTimeoutMs: 120_000,
    extraJvmFlags: [`-XX:ArchiveClassesAtExit=${archive}`],
    // The JVM writes the archive as it exits, which on a busy machine outlasts the usual wait
    // for a clean stop; a SIGKILL then would leave no archive.
    stopTimeoutMs: TRAINING_STOP_TIMEOUT_MS,
    log: () => undefined,
  });
  try {
    const driver = neo4j.driver(instance.uri, neo4j.auth.basic('neo4j', 'neo4j'));
    try {
      await driver.executeQuery('CREATE (n:CdsTraining {name: $name, at: datetime(), n: $n}) RETURN n', { name: 'x', n: 1 });
      await driver.executeQuery('MATCH (n:CdsTraining) WHERE n.name = $name RETURN n.name AS name, n.n AS n ORDER BY name LIMIT 10', { name: 'x' });
      await driver.executeQuery('MATCH (n:CdsTraining) DETACH DELETE n');
    } finally {
      await driver.close();
    }
  } finally {
    await instance.stop();
  }
}
