/**
 * Finding a JDK for the embedded Neo4j: where it is looked for, how `java -version` is read,
 * and what a missing or too old Java says. A JAVA_HOME of the test's own holds a script
 * that answers `-version` as a given Java would.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedNeo4jError } from '../../src/launcher/error';
import { findJava, javaLocation, parseJavaVersion } from '../../src/launcher/java';

describe('javaLocation', () => {
  it('is PATH when JAVA_HOME is unset or blank', () => {
    expect(javaLocation({})).toEqual({ java: 'java', javac: 'javac', where: 'PATH' });
    expect(javaLocation({ JAVA_HOME: '  ' })).toEqual({ java: 'java', javac: 'javac', where: 'PATH' });
  });

  it("is JAVA_HOME's bin folder when it is set, with .exe on Windows", () => {
    expect(javaLocation({ JAVA_HOME: '/opt/jdk-21' }, 'linux')).toEqual({
      java: path.join('/opt/jdk-21', 'bin', 'java'),
      javac: path.join('/opt/jdk-21', 'bin', 'javac'),
      where: 'JAVA_HOME (/opt/jdk-21)',
    });
    expect(javaLocation({ JAVA_HOME: '/opt/jdk-21' }, 'win32').java).toBe(path.join('/opt/jdk-21', 'bin', 'java.exe'));
  });
});

describe('parseJavaVersion', () => {
  it('reads the major version of Java 9 and later', () => {
    const output = 'openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment (build 17.0.15+6-Ubuntu-0ubuntu124.04)';
    expect(parseJavaVersion(output)).toEqual({ major: 17, versionLine: 'openjdk version "17.0.15" 2025-04-15' });
    expect(parseJavaVersion('openjdk version "21" 2023-09-19')?.major).toBe(21);
  });

  it('reads the major version of Java 8 and older from "1.x"', () => {
    expect(parseJavaVersion('java version "1.8.0_392"')?.major).toBe(8);
  });

  it('answers null for output that names no version', () => {
    expect(parseJavaVersion('Error: could not find libjava.so')).toBeNull();
  });
});

describe('findJava', () => {
  let javaHome: string;
  beforeEach(() => {
    javaHome = mkdtempSync(path.join(os.tmpdir(), 'nkg-java-home-'));
    mkdirSync(path.join(javaHome, 'bin'));
  });
  afterEach(() => rmSync(javaHome, { recursive: true, force: true }));

  /** A `java` in the test's JAVA_HOME that prints `output` to stderr, as `java -version` does, and exits with `code`. */
  const fakeJava = (output: string, code = 0): void => {
    const file = path.join(javaHome, 'bin', 'java');
    writeFileSync(file, `#!/bin/sh\necho '${output}' >&2\nexit ${code}\n`);
    chmodSync(file, 0o755);
  };

  const failure = (promise: Promise<unknown>): Promise<EmbeddedNeo4jError> => promise.then(() => Promise.reject(new Error('expected a failure')), (e: EmbeddedNeo4jError) => e);

  it('finds a Java 17 in JAVA_HOME', async () => {
    fakeJava('openjdk version "17.0.15" 2025-04-15');
    expect(await findJava({ JAVA_HOME: javaHome })).toEqual({
      java: path.join(javaHome, 'bin', 'java'),
      javac: path.join(javaHome, 'bin', 'javac'),
      major: 17,
      versionLine: 'openjdk version "17.0.15" 2025-04-15',
    });
  });

  it('refuses a Java older than 17, naming where it was found', async () => {
    fakeJava('openjdk version "11.0.22" 2024-01-16');
    const error = await failure(findJava({ JAVA_HOME: javaHome }));
    expect(error).toBeInstanceOf(EmbeddedNeo4jError);
    expect(error.code).toBe('JAVA_NOT_FOUND');
    expect(error.message).toBe(`Java 11 found on JAVA_HOME (${javaHome}), but Neo4j 5.26 needs JDK 17 or 21: install openjdk-17-jdk (or set JAVA_HOME)`);
  });

  it('says where it looked when there is no java', async () => {
    const error = await failure(findJava({ JAVA_HOME: javaHome }));
    expect(error.code).toBe('JAVA_NOT_FOUND');
    expect(error.message).toBe(`JDK 17 not found on JAVA_HOME (${javaHome}): install openjdk-17-jdk (or set JAVA_HOME)`);
  });

  it('reports a java that fails, with its output', async () => {
    fakeJava('Error: could not find libjava.so', 1);
    const error = await failure(findJava({ JAVA_HOME: javaHome }));
    expect(error.code).toBe('JAVA_NOT_FOUND');
    expect(error.message).toBe(`\`${path.join(javaHome, 'bin', 'java')} -version\` failed: Error: could not find libjava.so`);
    expect(error.outputTail).toEqual(['Error: could not find libjava.so']);
  });
});
