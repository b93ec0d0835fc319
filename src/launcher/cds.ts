/**
 * The class-data-sharing archive: after each build, the launcher is started once with
 * -XX:ArchiveClassesAtExit, and the JVM writes the classes it loaded to
 * launcher/target/neo4j-launcher.jsa; later starts map it instead of loading and verifying
 * those classes again, which is much of a start's work. It is optional:
 * EMBEDDED_NEO4J_CDS=off skips it, and the JVM ignores a stale or unusable archive.
 */
import { promises as fsp, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import type { JavaInfo } from './java';
import { mtimeMs, type LauncherPaths } from './paths';
import { launch } from './process';

function cdsEnabled(): boolean {
  return !/^(0|off|false|no)$/i.test(process.env.EMBEDDED_NEO4J_CDS ?? '');
}

/** What the archive was recorded for: this JVM, this jar and its libraries. */
async function cdsStampText(paths: LauncherPaths, info: JavaInfo): Promise<string> {
  const libs = (await fsp.readdir(paths.lib)).filter((n) => n.endsWith('.jar')).sort();
  let newestLib = 0;
  for (const name of libs) newestLib = Math.max(newestLib, (await mtimeMs(path.join(paths.lib, name))) ?? 0);
  return JSON.stringify({ java: info.java, javaVersion: info.versionLine, jarMtimeMs: await mtimeMs(paths.jar), libs: libs.length, newestLib });
}

/** True when no recording was attempted for this jar, its libraries and this JVM. */
export async function needsCdsArchive(paths: LauncherPaths, info: JavaInfo): Promise<boolean> {
  if (!cdsEnabled()) return false;
  try {
    const [stamp, expected] = await Promise.all([fsp.readFile(paths.cdsStamp, 'utf8'), cdsStampText(paths, info)]);
    return stamp !== expected;
  } catch {
    return true;
  }
}

/** The JVM flags that use the archive, or none when there is no current one. */
export async function cdsFlags(paths: LauncherPaths, info: JavaInfo): Promise<string[]> {
  if (!cdsEnabled() || (await needsCdsArchive(paths, info))) return [];
  return (await mtimeMs(paths.cdsArchive)) === null ? [] : [`-XX:SharedArchiveFile=${paths.cdsArchive}`];
}

/**
 * Records the archive from a short training run: start, a few Bolt queries, stop. Best
 * effort: the stamp is written either way, so a failure is not retried until the jar or
 * the JVM changes.
 */
export async function recordCdsArchive(paths: LauncherPaths, info: JavaInfo, log: (line: string) => void): Promise<void> {
  const partial = `${paths.cdsArchive}.partial`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'neo4j-launcher-cds-'));
  await fsp.rm(partial, { force: true });
  await fsp.rm(paths.cdsStamp, { force: true });
  await fsp.rm(paths.cdsArchive, { force: true });
  log('recording a class-data-sharing archive for faster starts (one-off, a few seconds)');
  const started = Date.now();
  try {
    await trainingRun(paths, info, dataDir, partial);
    if ((await mtimeMs(partial)) === null) {
      log('the JVM wrote no class-data-sharing archive; starts will just be slower');
      return;
    }
    await fsp.rename(partial, paths.cdsArchive);
    log(`recorded ${path.relative(paths.root, paths.cdsArchive)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    log(`skipping the class-data-sharing archive: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await fsp.writeFile(paths.cdsStamp, await cdsStampText(paths, info)).catch(() => undefined);
    await fsp.rm(partial, { force: true }).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Loads the classes a start and the common queries need; the JVM writes them to `archive` as it exits. */
async function trainingRun(paths: LauncherPaths, info: JavaInfo, dataDir: string, archive: string): Promise<void> {
  const instance = await launch(paths, info, {
    dataDir,
    port: 0,
    heap: '512m',
    pageCache: '64m',
    startTimeoutMs: 120_000,
    extraJvmFlags: [`-XX:ArchiveClassesAtExit=${archive}`],
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
