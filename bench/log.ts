/** The bench's progress goes to stderr; stdout has only the tables. */
export const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** Seconds as the bench's summaries print them: one decimal, or a dash where there is no figure. */
export const secondsText = (value: number | null | undefined): string => (value === null || value === undefined ? '–' : `${value.toFixed(1)} s`);
