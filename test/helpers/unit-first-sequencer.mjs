// The order the run's files start in.
//
// Jest's own: failed files first, then the files it has timed, longest first, so the two
// workers end together. A file Jest has no time for (every file of a fresh clone, as in CI)
// comes before them, ordered by size; but the longest files are not the largest: a fault
// file of a hundred lines runs the API and kills JVMs for minutes, while a unit file of four
// hundred takes seconds. Among the untimed files, those of projects with a database (a global
// setup's Neo4j, processes, a browser) therefore come first and the unit files last, each
// group by size, so the many short unit files fill the end of the run on both workers instead
// of one worker finishing alone on a long file.
//
// With NKG_TEST_OVERLAP_START=1, the unit tier's files run before the others, each group in
// the order above: the unit files need no Neo4j, so they run while global setup's JVMs start
// (global-setup.ts), instead of both workers waiting for them in their first file.
import sequencer from '@jest/test-sequencer';

const isUnit = (test) => test.context.config.displayName?.name === 'unit';
const needsDatabase = (test) => Boolean(test.context.config.globalSetup);

export default class UnitFirstSequencer extends sequencer.default {
  async sort(tests) {
    const sorted = await super.sort(tests);
    // Jest's order within each group: the failed files stay first.
    const failed = sorted.filter((test) => this.hasFailed(test));
    const untimed = sorted.filter((test) => !this.hasFailed(test) && test.duration == null);
    const timed = sorted.filter((test) => !this.hasFailed(test) && test.duration != null);
    const order = [...failed, ...untimed.filter(needsDatabase), ...untimed.filter((test) => !needsDatabase(test)), ...timed];
    if (process.env.NKG_TEST_OVERLAP_START !== '1') return order;
    return [...order.filter(isUnit), ...order.filter((test) => !isUnit(test))];
  }
}
