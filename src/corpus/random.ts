/**
 * A seeded pseudo-random source for the corpus generator: the same seed gives the same
 * corpus on every machine and Node version (Math.random is never used).
 */

/** mulberry32: 32-bit state, fast, good enough for synthetic data (not for cryptography). */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A uniform float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick: expected a non-empty list; received an empty one');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** A Fisher-Yates shuffle of a copy. */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }

  /** A child source whose sequence depends only on this seed and `salt`. */
  fork(salt: number): Random {
    return new Random((Math.imul(this.state ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt + 1, 0xc2b2ae35)) >>> 0);
  }
}

/**
 * Zipf-like choice over a ranked list: item k (from 0) has weight 1 / (k + 1)^s, so the
 * first few are chosen far more often than the rest, as the most quoted people are.
 */
export class Zipf<T> {
  private readonly cumulative: number[];

  constructor(
    readonly items: readonly T[],
    readonly exponent: number,
  ) {
    if (items.length === 0) throw new Error('Zipf: expected a non-empty list of items');
    let sum = 0;
    this.cumulative = items.map((_, k) => (sum += 1 / Math.pow(k + 1, exponent)));
  }

  /** The share of choices the item at `rank` gets. */
  share(rank: number): number {
    const total = this.cumulative[this.cumulative.length - 1] as number;
    return 1 / Math.pow(rank + 1, this.exponent) / total;
  }

  sample(random: Random): T {
    const total = this.cumulative[this.cumulative.length - 1] as number;
    const target = random.next() * total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) < target) lo = mid + 1;
      else hi = mid;
    }
    return this.items[lo] as T;
  }
}
