/**
 * The calendar of a series (src/graph/analytics/series.ts): interval starts in UTC days, ISO
 * weeks and months, the bound on points, and the assembly of counts into series with every
 * interval present.
 */
import { Interval } from '../../src/graph/analytics/analytics.type';
import { assembleSeries, intervalStart, intervalStarts, seriesWindow, type SeriesCounts } from '../../src/graph/analytics/series';

describe('interval starts', () => {
  it('puts a day in its ISO week, which starts on Monday, across a year boundary', () => {
    // 2025-01-01 was a Wednesday; 2024-12-30 the Monday of ISO week 2025-W01.
    expect(intervalStart('2025-01-01', Interval.WEEK)).toBe('2024-12-30');
    expect(intervalStart('2025-03-09', Interval.WEEK)).toBe('2025-03-03'); // a Sunday
    expect(intervalStart('2025-03-10', Interval.WEEK)).toBe('2025-03-10'); // a Monday
    expect(intervalStart('2025-03-31', Interval.MONTH)).toBe('2025-03-01');
    expect(intervalStart('2025-03-31', Interval.DAY)).toBe('2025-03-31');
  });

  it('lists every interval of a window, the ends included', () => {
    expect(intervalStarts('2025-02-27', '2025-03-02', Interval.DAY)).toEqual(['2025-02-27', '2025-02-28', '2025-03-01', '2025-03-02']);
    expect(intervalStarts('2025-03-05', '2025-03-17', Interval.WEEK)).toEqual(['2025-03-03', '2025-03-10', '2025-03-17']);
    expect(intervalStarts('2024-11-15', '2025-02-01', Interval.MONTH)).toEqual(['2024-11-01', '2024-12-01', '2025-01-01', '2025-02-01']);
  });

  it('refuses a window of more than 1 000 points, naming the interval argument', () => {
    expect(intervalStarts('2023-01-01', '2025-09-26', Interval.DAY)).toHaveLength(1000);
    let caught: unknown;
    try {
      intervalStarts('2023-01-01', '2025-09-27', Interval.DAY);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'interval' } });
  });
});

describe('assembling series', () => {
  const counts: SeriesCounts = {
    kept: [
      { key: 'person:a', label: 'A', n: 3 },
      { key: 'person:b', label: 'B', n: 1 },
    ],
    totals: [
      { start: '2025-03-03', n: 4 },
      { start: '2025-03-17', n: 2 },
    ],
    cells: [
      { start: '2025-03-03', key: 'person:a', n: 2 },
      { start: '2025-03-03', key: 'person:b', n: 1 },
      { start: '2025-03-03', key: null, n: 1 },
      { start: '2025-03-17', key: 'person:a', n: 1 },
      { start: '2025-03-17', key: null, n: 1 },
    ],
  };

  it('gives every kept group and "other" a point per interval, 0 where empty, with its share of the interval', () => {
    const window = seriesWindow(counts, null, null);
    expect(window).toEqual({ from: '2025-03-03', to: '2025-03-17' });
    const starts = intervalStarts(window!.from, window!.to, Interval.WEEK);
    expect(assembleSeries(counts, starts, true)).toEqual([
      {
        id: 'person:a',
        label: 'A',
        total: 3,
        points: [
          { start: '2025-03-03', count: 2, share: 0.5 },
          { start: '2025-03-10', count: 0, share: 0 },
          { start: '2025-03-17', count: 1, share: 0.5 },
        ],
      },
      {
        id: 'person:b',
        label: 'B',
        total: 1,
        points: [
          { start: '2025-03-03', count: 1, share: 0.25 },
          { start: '2025-03-10', count: 0, share: 0 },
          { start: '2025-03-17', count: 0, share: 0 },
        ],
      },
      {
        id: null,
        label: 'other',
        total: 2,
        points: [
          { start: '2025-03-03', count: 1, share: 0.25 },
          { start: '2025-03-10', count: 0, share: 0 },
          { start: '2025-03-17', count: 1, share: 0.5 },
        ],
      },
    ]);
  });

  it('spans the filter window where given, and nothing when there is neither window nor data', () => {
    expect(seriesWindow(counts, '2025-03-01', '2025-03-31')).toEqual({ from: '2025-03-01', to: '2025-03-31' });
    expect(seriesWindow({ kept: [], totals: [], cells: [] }, null, null)).toBeNull();
    expect(seriesWindow({ kept: [], totals: [], cells: [] }, '2025-03-01', null)).toEqual({ from: '2025-03-01', to: '2025-03-01' });
  });

  it('names no id for groups without one (kinds, stances)', () => {
    const kinds: SeriesCounts = { kept: [{ key: 'DIRECT', label: 'DIRECT', n: 1 }], totals: [{ start: '2025-03-05', n: 1 }], cells: [{ start: '2025-03-05', key: 'DIRECT', n: 1 }] };
    expect(assembleSeries(kinds, ['2025-03-05'], false)).toEqual([{ id: null, label: 'DIRECT', total: 1, points: [{ start: '2025-03-05', count: 1, share: 1 }] }]);
  });
});
