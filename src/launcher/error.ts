/** The one error type of the launcher: a code to branch on and the child's last output lines. */
export type EmbeddedNeo4jErrorCode =
  | 'JAVA_NOT_FOUND'
  | 'MAVEN_NOT_FOUND'
  | 'BUILD_FAILED'
  | 'INVALID_OPTIONS'
  | 'DATA_DIR_IN_USE'
  | 'START_FAILED'
  | 'START_TIMEOUT';

export class EmbeddedNeo4jError extends Error {
  constructor(
    message: string,
    readonly code: EmbeddedNeo4jErrorCode,
    /** The launcher's (or Maven's) last output lines, oldest first. */
    readonly outputTail: readonly string[] = [],
  ) {
    super(message);
    this.name = 'EmbeddedNeo4jError';
  }
}
