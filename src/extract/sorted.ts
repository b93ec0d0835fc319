/**
 * Binary search over lists kept in document order (mentions, lines, paragraphs): the
 * extractor looks back from a position many times per article, and a scan from the start
 * each time would make its cost grow with the square of the text.
 */

/** The index of the first item of `sorted` for which `after` holds, `after` being false then true along it; `sorted.length` when none. */
export function firstIndex<T>(sorted: readonly T[], after: (item: T) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (after(sorted[mid] as T)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The index of the last item starting at or before `at` (0 when none does): the line, paragraph or span `at` lies in. */
export function holding(sorted: readonly { start: number }[], at: number): number {
  return Math.max(0, firstIndex(sorted, (item) => item.start > at) - 1);
}
