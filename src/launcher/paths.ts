/** Where the launcher's sources and build outputs live, found from this file's location. */
import { existsSync, promises as fsp } from 'node:fs';
import path from 'node:path';
import { EmbeddedNeo4jError } from './error';

export interface LauncherPaths {
  readonly root: string;
  readonly launcherDir: string;
  readonly pom: string;
  readonly sources: string;
  readonly target: string;
  readonly jar: string;
  readonly lib: string;
  readonly cdsArchive: string;
  readonly cdsStamp: string;
  readonly buildLock: string;
}

let cachedPaths: LauncherPaths | undefined;

/** The project root: the nearest ancestor of this file holding package.json and launcher/pom.xml. */
export function launcherPaths(): LauncherPaths {
  if (cachedPaths) return cachedPaths;
  let dir = __dirname;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'launcher', 'pom.xml'))) break;
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new EmbeddedNeo4jError(`Cannot find the project root (package.json and launcher/pom.xml) above ${__dirname}`, 'START_FAILED');
    }
    dir = parent;
  }
  const launcherDir = path.join(dir, 'launcher');
  const target = path.join(launcherDir, 'target');
  cachedPaths = {
    root: dir,
    launcherDir,
    pom: path.join(launcherDir, 'pom.xml'),
    sources: path.join(launcherDir, 'src'),
    target,
    jar: path.join(target, 'neo4j-launcher.jar'),
    lib: path.join(target, 'lib'),
    cdsArchive: path.join(target, 'neo4j-launcher.jsa'),
    cdsStamp: path.join(target, 'neo4j-launcher.jsa.stamp'),
    buildLock: path.join(target, '.build-lock'),
  };
  return cachedPaths;
}

export async function mtimeMs(file: string): Promise<number | null> {
  try {
    return (await fsp.stat(file)).mtimeMs;
  } catch {
    return null;
  }
}
