import { describe, expect, it } from 'vitest';
import {
  acceptsAnswerAt,
  admitAtFor,
  anomalyFlags,
  answerPoints,
  answerValueOf,
  effectiveStatus,
  questionDeadline,
  rankEntries,
  teamStandings,
} from './competition.policy.js';

const at = (s: number) => new Date(Date.UTC(2026, 10, 24, 2, 0, s));

describe('competition rules', () => {
  it('derives the status from the server clock', () => {
    const c = { status: 'scheduled', startsAt: at(10), endsAt: at(50) };
    expect(effectiveStatus(c, at(9))).toBe('scheduled');
    expect(effectiveStatus(c, at(10))).toBe('running');
    expect(effectiveStatus(c, at(50))).toBe('finished');
    expect(effectiveStatus({ ...c, status: 'cancelled' }, at(20))).toBe('cancelled');
  });

  it('admits members in waves', () => {
    const c = { startsAt: at(0), waveSize: 200, waveMs: 1000 };
    expect(admitAtFor(c, 0)).toEqual(at(0));
    expect(admitAtFor(c, 199)).toEqual(at(0));
    expect(admitAtFor(c, 200)).toEqual(at(1));
    expect(admitAtFor(c, 999)).toEqual(at(4));
  });

  it('closes a question at its time limit or the end, with a second of grace for the network', () => {
    const c = { questionSeconds: 20, endsAt: at(50) };
    expect(questionDeadline(at(0), c)).toEqual(at(20));
    expect(questionDeadline(at(40), c)).toEqual(at(50));
    expect(acceptsAnswerAt(at(20), new Date(at(21).getTime()))).toBe(true);
    expect(acceptsAnswerAt(at(20), new Date(at(21).getTime() + 1))).toBe(false);
  });

  it.each([
    [true, 0, 150],
    [true, 10_000, 125],
    [true, 20_000, 100],
    [true, 25_000, 100],
    [false, 1_000, 0],
  ])('scores correct=%s after %i ms as %i', (correct, ms, points) => {
    expect(answerPoints(correct, ms, 20_000)).toBe(points);
  });

  it('ranks by score then time, ties sharing a rank', () => {
    const r = rankEntries([
      { memberId: 'a', score: 200, totalMs: 5000 },
      { memberId: 'b', score: 250, totalMs: 9000 },
      { memberId: 'c', score: 200, totalMs: 5000 },
      { memberId: 'd', score: 200, totalMs: 4000 },
    ]);
    expect(r.map((e) => [e.memberId, e.rank])).toEqual([
      ['b', 1],
      ['d', 2],
      ['a', 3],
      ['c', 3],
    ]);
  });

  it('makes team scores the average or the sum of their members', () => {
    const teams = [
      { orgId: 'x', orgName: '甲支部', members: 2, sum: 300 },
      { orgId: 'y', orgName: '乙支部', members: 5, sum: 500 },
      { orgId: 'z', orgName: '丙支部', members: 0, sum: 0 },
    ];
    expect(teamStandings(teams, 'average').map((t) => [t.orgId, t.score, t.rank])).toEqual([
      ['x', 150, 1],
      ['y', 100, 2],
    ]);
    expect(teamStandings(teams, 'sum').map((t) => [t.orgId, t.score])).toEqual([
      ['y', 500],
      ['x', 300],
    ]);
  });

  it('flags too-fast answers and identical timing patterns, never anything else', () => {
    const flags = anomalyFlags(
      [
        { entryId: 'fast', elapsed: [900, 1000, 1200, 5000], answers: ['A', 'B', 'C', 'D'] },
        { entryId: 'twin1', elapsed: [3010, 4020, 5030], answers: ['A', 'A', 'B'] },
        { entryId: 'twin2', elapsed: [2990, 4000, 5040], answers: ['A', 'A', 'B'] },
        { entryId: 'human', elapsed: [3000, 4000, 5000], answers: ['A', 'B', 'B'] },
      ],
      { floorMs: 1500, minCount: 3 },
    );
    expect(flags.get('fast')?.map((f) => f.kind)).toEqual(['too_fast']);
    expect(flags.get('twin1')?.map((f) => [f.kind, f.count])).toEqual([['identical_timing', 1]]);
    expect(flags.get('twin2')?.map((f) => f.kind)).toEqual(['identical_timing']);
    expect(flags.has('human')).toBe(false);
  });

  it('shapes answers for grading by kind', () => {
    expect(answerValueOf('single', ['B'])).toBe('B');
    expect(answerValueOf('true_false', [false])).toBe(false);
    expect(answerValueOf('multiple', ['A', 'C'])).toEqual(['A', 'C']);
    expect(answerValueOf('single', [true])).toBeNull();
  });
});
