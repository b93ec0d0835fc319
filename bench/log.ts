/** The bench's progress goes to stderr; stdout has only the tables. */
export const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};
