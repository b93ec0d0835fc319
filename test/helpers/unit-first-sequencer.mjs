// Runs the unit tier's files before the others, each group in Jest's own order (failed
// first, then the longest): the unit files need no Neo4j, so they run while global setup's
// JVMs start (global-setup.ts), instead of both workers waiting for them in their first file.
import sequencer from '@jest/test-sequencer';

export default class UnitFirstSequencer extends sequencer.default {
  async sort(tests) {
    const sorted = await super.sort(tests);
    const unit = (test) => test.context.config.displayName?.name === 'unit';
    return [...sorted.filter(unit), ...sorted.filter((test) => !unit(test))];
  }
}
