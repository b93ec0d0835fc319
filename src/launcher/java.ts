/**
 * Finding a JDK: `$JAVA_HOME/bin/java` when JAVA_HOME is set, else `java` on PATH. Neo4j
 * 5.26 needs Java 17 or later; the launcher's one-off build also needs javac and Maven.
 */
import path from 'node:path';
import { isNotFound, runCommand, type CommandResult } from './child-process';
import { EmbeddedNeo4jError } from './error';

export interface JavaInfo {
  readonly java: string;
  readonly javac: string;
  readonly major: number;
  /** First line of `java -version`, e.g. 'openjdk version "17.0.15" 2025-04-15'. */
  readonly versionLine: string;
}

const MINIMUM_MAJOR = 17;
const INSTALL_HINT = 'install openjdk-17-jdk (or set JAVA_HOME)';

/** The java and javac a JAVA_HOME (or PATH, when it is unset or blank) gives, and where that is, for messages. */
export function javaLocation(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): { java: string; javac: string; where: string } {
  const javaHome = env.JAVA_HOME?.trim();
  const exe = platform === 'win32' ? '.exe' : '';
  if (!javaHome) return { java: 'java', javac: 'javac', where: 'PATH' };
  return { java: path.join(javaHome, 'bin', `java${exe}`), javac: path.join(javaHome, 'bin', `javac${exe}`), where: `JAVA_HOME (${javaHome})` };
}

/**
 * The major version and version line in `java -version`'s output, or null when it names
 * none. Java 8 and older say "1.8.0_…", later ones "17.0.15".
 */
export function parseJavaVersion(output: string): { major: number; versionLine: string } | null {
  const match = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(output);
  if (!match) return null;
  const first = Number(match[1]);
  const major = first === 1 ? Number(match[2]) : first;
  const lines = output.split('\n');
  const versionLine = lines.find((l) => l.includes('version')) ?? lines[0] ?? '';
  return { major, versionLine: versionLine.trim() };
}

let javaInfoPromise: Promise<JavaInfo> | undefined;

/** The JDK of this process's environment, looked up once (again after a failure). */
export function javaInfo(): Promise<JavaInfo> {
  javaInfoPromise ??= findJava(process.env).catch((error: unknown) => {
    javaInfoPromise = undefined;
    throw error;
  });
  return javaInfoPromise;
}

export async function findJava(env: NodeJS.ProcessEnv): Promise<JavaInfo> {
  const { java, javac, where } = javaLocation(env);
  let result: CommandResult;
  try {
    result = await runCommand(java, ['-version']);
  } catch (error) {
    if (isNotFound(error)) throw new EmbeddedNeo4jError(`JDK ${MINIMUM_MAJOR} not found on ${where}: ${INSTALL_HINT}`, 'JAVA_NOT_FOUND');
    throw error;
  }
  const output = result.output.join('\n');
  const version = parseJavaVersion(output);
  if (result.code !== 0 || version === null) {
    throw new EmbeddedNeo4jError(`\`${java} -version\` failed: ${output.trim() || `exit code ${result.code}`}`, 'JAVA_NOT_FOUND', result.output);
  }
  if (version.major < MINIMUM_MAJOR) {
    throw new EmbeddedNeo4jError(`Java ${version.major} found on ${where}, but Neo4j 5.26 needs JDK 17 or 21: ${INSTALL_HINT}`, 'JAVA_NOT_FOUND');
  }
  return { java, javac, ...version };
}

/** Checks that javac and Maven are there for the launcher's build; returns the Maven command. */
export async function findBuildTools(info: JavaInfo): Promise<string> {
  try {
    await runCommand(info.javac, ['-version']);
  } catch (error) {
    if (isNotFound(error)) {
      throw new EmbeddedNeo4jError(
        `JDK ${MINIMUM_MAJOR} not found: ${info.java} is a Java runtime without javac, which the launcher build needs: ${INSTALL_HINT}`,
        'JAVA_NOT_FOUND',
      );
    }
    throw error;
  }
  const mvn = process.platform === 'win32' ? 'mvn.cmd' : 'mvn';
  try {
    const result = await runCommand(mvn, ['-v']);
    if (result.code !== 0) throw new EmbeddedNeo4jError(`\`mvn -v\` failed: ${result.output.join(' ')}`, 'MAVEN_NOT_FOUND', result.output);
  } catch (error) {
    if (isNotFound(error)) throw new EmbeddedNeo4jError('Maven not found: install maven', 'MAVEN_NOT_FOUND');
    throw error;
  }
  return mvn;
}
