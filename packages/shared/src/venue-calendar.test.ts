import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BookingSpan, layoutLanes, overlappingIds } from './venue-calendar.js';

const at = (hhmm: string) => `2026-05-12T${hhmm}:00+08:00`;
const span = (id: string, from: string, to: string): BookingSpan => ({ id, startsAt: at(from), endsAt: at(to) });

describe('overlappingIds', () => {
  const cases: [string, BookingSpan[], string[]][] = [
    ['none', [], []],
    ['one booking', [span('a', '09:00', '10:00')], []],
    ['back to back is no clash', [span('a', '09:00', '10:00'), span('b', '10:00', '11:00')], []],
    ['overlap by a minute', [span('a', '09:00', '10:01'), span('b', '10:00', '11:00')], ['a', 'b']],
    ['one inside another', [span('a', '09:00', '12:00'), span('b', '10:00', '11:00')], ['a', 'b']],
    ['same start', [span('a', '09:00', '10:00'), span('b', '09:00', '09:30')], ['a', 'b']],
    [
      'a long one reaching past a short one',
      [span('a', '08:00', '12:00'), span('b', '08:30', '09:00'), span('c', '11:00', '13:00')],
      ['a', 'b', 'c'],
    ],
    [
      'listed out of order',
      [span('b', '10:30', '11:00'), span('a', '10:00', '11:00'), span('c', '12:00', '13:00')],
      ['a', 'b'],
    ],
  ];
  it.each(cases)('%s', (_name, spans, expected) => {
    expect([...overlappingIds(spans)].sort()).toEqual(expected);
  });

  const spans = fc.array(
    fc.record({ start: fc.integer({ min: 0, max: 200 }), length: fc.integer({ min: 1, max: 60 }) }),
    { maxLength: 25 },
  );
  const toSpans = (xs: { start: number; length: number }[]) =>
    xs.map((x, i) => ({
      id: `m${i}`,
      startsAt: new Date(x.start * 60_000).toISOString(),
      endsAt: new Date((x.start + x.length) * 60_000).toISOString(),
    }));

  it('marks exactly the bookings that overlap some other booking (pairwise check)', () => {
    fc.assert(
      fc.property(spans, (xs) => {
        const expected = new Set<string>();
        xs.forEach((a, i) => {
          xs.forEach((b, j) => {
            if (i !== j && a.start < b.start + b.length && b.start < a.start + a.length) expected.add(`m${i}`);
          });
        });
        expect(overlappingIds(toSpans(xs))).toEqual(expected);
      }),
    );
  });

  it('never lets two overlapping blocks share a column, and keeps every column inside its cluster', () => {
    fc.assert(
      fc.property(spans, (xs) => {
        const list = toSpans(xs);
        const lanes = layoutLanes(list);
        expect(lanes.size).toBe(list.length);
        for (const a of list) {
          const la = lanes.get(a.id)!;
          expect(la.lane).toBeGreaterThanOrEqual(0);
          expect(la.lane).toBeLessThan(la.lanes);
          for (const b of list) {
            if (a.id === b.id) continue;
            const overlap =
              Date.parse(a.startsAt) < Date.parse(b.endsAt) && Date.parse(b.startsAt) < Date.parse(a.endsAt);
            if (overlap) {
              expect(lanes.get(b.id)!.lane).not.toBe(la.lane);
              expect(lanes.get(b.id)!.lanes).toBe(la.lanes);
            }
          }
        }
      }),
    );
  });
});

describe('layoutLanes', () => {
  it('gives a lone booking the full width and splits a clash in two', () => {
    const lanes = layoutLanes([span('a', '09:00', '10:00'), span('b', '09:30', '11:00'), span('c', '14:00', '15:00')]);
    expect(lanes.get('a')).toEqual({ lane: 0, lanes: 2 });
    expect(lanes.get('b')).toEqual({ lane: 1, lanes: 2 });
    expect(lanes.get('c')).toEqual({ lane: 0, lanes: 1 });
  });

  it('reuses a column once its block has ended', () => {
    const lanes = layoutLanes([span('a', '09:00', '12:00'), span('b', '09:00', '10:00'), span('c', '10:00', '11:00')]);
    expect(lanes.get('a')).toEqual({ lane: 0, lanes: 2 });
    expect(lanes.get('b')).toEqual({ lane: 1, lanes: 2 });
    expect(lanes.get('c')).toEqual({ lane: 1, lanes: 2 });
  });
});
