/**
 * Roles in time: whether a role was held on a day, and whether it is former now. A date of a
 * coarser precision than DAY stands for its whole week, month or year (its `date` is the
 * first day), so a role is taken as held on every day its dates may cover: "from May 2025"
 * holds on 2025-05-01, "until 2025" holds through 2025-12-31.
 */
import type { DateInfo, Role } from './entity.type';

const DAY_MS = 86_400_000;

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The last day a date may mean; null when it has no calendar date. */
export function lastDay(d: DateInfo | null): string | null {
  if (d?.date === null || d?.date === undefined) return null;
  const [year, month, day] = d.date.split('-').map(Number) as [number, number, number];
  switch (d.precision) {
    case 'WEEK':
      return isoDay(Date.UTC(year, month - 1, day) + 6 * DAY_MS);
    case 'MONTH':
      return isoDay(Date.UTC(year, month, 1) - DAY_MS);
    case 'YEAR':
      return `${year}-12-31`;
    default:
      return d.date;
  }
}

/** Whether the role may have been held on `day` (ISO YYYY-MM-DD): not known to start after it nor to end before it. */
export function heldOn(role: Pick<Role, 'start' | 'end'>, day: string): boolean {
  const from = role.start?.date ?? null;
  const until = lastDay(role.end);
  return (from === null || from <= day) && (until === null || day <= until);
}

/** Former on `today`: its end date has passed; without one, as the article calls it. */
export function isFormer(role: Pick<Role, 'end' | 'calledFormer'>, today: string): boolean {
  const until = lastDay(role.end);
  return until === null ? role.calledFormer : until < today;
}

export const today = (): string => isoDay(Date.now());
