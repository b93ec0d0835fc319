// With NKG_TEST_OVERLAP_START=1, runs the unit tier's files before the others, each group in
// Jest's own order (failed first, then the longest): the unit files need no Neo4j, so they run
// while global setup's JVMs start (global-setup.ts), instead of both workers waiting for them
// in their first file. Otherwise Jest's order: global setup has waited for the JVMs, and the
// longest files first keep the run's tail short.
import sequencer from '@jest/test-sequencer';

export default class UnitFirstSequencer extends sequencer.default {
  async sort(tests) {
    const sorted = await super.sort(tests);
    if (process.env.NKG_TEST_OVERLAP_START !== '1') return sorted;
    const unit = (test) => test.context.config.displayName?.name === 'unit';
    return [...sorted.filter(unit), ...sorted.filter((test) => !unit(test))];
  }
}
