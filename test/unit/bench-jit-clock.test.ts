/**
 * The bench's JIT figure (bench/database.ts `compilerCpuSince`) sums what each compiler thread
 * spent since the clock started, by thread id: HotSpot ends and starts compiler threads as
 * work comes and goes, and a difference of totals lost an ended thread's whole time, which
 * could make the figure negative.
 */
import { threadSecondsSince } from '../../bench/database';

const threads = (entries: [string, number][]): Map<string, number> => new Map(entries);

describe('threadSecondsSince', () => {
  it('sums each thread’s seconds since the first reading, a new thread from zero', () => {
    expect(threadSecondsSince(threads([['11', 4], ['12', 1]]), threads([['11', 6], ['12', 1.5], ['13', 0.25]]))).toBeCloseTo(2.75);
  });

  it('never goes below zero when a thread that had spent much has ended', () => {
    expect(threadSecondsSince(threads([['11', 30], ['12', 1]]), threads([['12', 1.5]]))).toBeCloseTo(0.5);
  });
});
