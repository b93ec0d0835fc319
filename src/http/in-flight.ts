/**
 * The responses in flight (drain.ts counts them, and marks them `Connection: close` when the
 * drain starts), kept in an array where a finished one's place goes to the last.
 *
 * Not a Set: V8 gives a Set a new table as entries come and go (one every few requests at the
 * API's concurrency), and a replaced table keeps a link to its successor for the iterators
 * still on it. Once one table had lived long enough to be promoted, each later table was
 * reachable from the one before it in the old generation, which a scavenge takes as alive:
 * every table since, with the requests it held and what they held (the driver's sessions,
 * results and rows among them), outlived the next scavenge and was promoted for the old
 * generation's collector to free. An array keeps one backing store, and a finished
 * response's slot is overwritten or cleared (docs/bench-findings.md, "a Set of the responses
 * in flight").
 */
import type { ServerResponse } from 'node:http';

interface Slot {
  readonly res: ServerResponse;
  index: number;
}

export class InFlight implements Iterable<ServerResponse> {
  private readonly slots: Slot[] = [];

  get size(): number {
    return this.slots.length;
  }

  /** Adds `res`; the function returned removes it (once). */
  add(res: ServerResponse): () => void {
    const slot: Slot = { res, index: this.slots.length };
    this.slots.push(slot);
    return () => this.remove(slot);
  }

  *[Symbol.iterator](): Iterator<ServerResponse> {
    // A copy: a response may finish, and move another, while the caller iterates.
    for (const slot of [...this.slots]) yield slot.res;
  }

  private remove(slot: Slot): void {
    if (this.slots[slot.index] !== slot) return;
    const last = this.slots.pop() as Slot;
    if (last === slot) return;
    this.slots[slot.index] = last;
    last.index = slot.index;
  }
}
