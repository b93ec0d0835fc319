/**
 * The bench's never-repeated values are dealt into one share per server (bench/parameters.ts
 * `dealShares`), so that no server meets values another has just warmed in Neo4j: the shares
 * must hold no value twice, be of one size, come from anywhere in the list they were dealt
 * from, and be the same for the same seed.
 */
import { dealShares } from '../../bench/parameters';

const values = Array.from({ length: 3001 }, (_, i) => i);
const mean = (xs: readonly number[]): number => xs.reduce((sum, x) => sum + x, 0) / xs.length;

describe('dealShares', () => {
  it('deals disjoint shares of one size, leaving out only what would make one longer', () => {
    const shares = dealShares(values, 3, 42);
    expect(shares.map((share) => share.length)).toEqual([1000, 1000, 1000]);
    const dealt = shares.flat();
    expect(new Set(dealt).size).toBe(3000);
    expect(dealt.every((value) => values.includes(value))).toBe(true);
  });

  it('gives the same shares for the same seed, and other shares for another', () => {
    expect(dealShares(values, 3, 42)).toEqual(dealShares(values, 3, 42));
    expect(dealShares(values, 3, 43)[0]).not.toEqual(dealShares(values, 3, 42)[0]);
  });

  it('draws each share from the whole list, not a stretch of it, when the list comes sorted', () => {
    // Cut in stretches, the shares' means would be 500, 1500 and 2500.
    for (const share of dealShares(values, 3, 7)) {
      expect(Math.abs(mean(share) - 1500)).toBeLessThan(100);
      expect(Math.min(...share)).toBeLessThan(100);
      expect(Math.max(...share)).toBeGreaterThan(2900);
    }
  });

  it('deals the whole list to one share, and refuses a count of none', () => {
    expect([...(dealShares(values, 1, 1)[0] ?? [])].sort((a, b) => a - b)).toEqual(values);
    expect(() => dealShares(values, 0, 1)).toThrow(/at least 1; received 0/);
  });
});
