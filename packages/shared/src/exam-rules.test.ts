import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { questionIssues } from './exam.schema.js';
import {
  answerToOriginalKeys,
  attemptDeadline,
  canChangeAnswer,
  canSubmit,
  type GradableQuestion,
  gradeAnswer,
  normalizeFill,
  questionHashText,
  seededShuffle,
  shuffleOptions,
} from './exam-rules.js';

const LETTERS = 'ABCDEFGH';
const choiceQuestion = fc
  .record({
    n: fc.integer({ min: 2, max: 8 }),
    multiple: fc.boolean(),
    picks: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
  })
  .map(({ n, multiple, picks }): GradableQuestion => {
    const options = [...LETTERS.slice(0, n)].map((key, i) => ({ key, text: `选项${i}` }));
    const keys = [...new Set(picks.map((p) => LETTERS[p % n] as string))];
    const answer = multiple ? (keys.length >= 2 ? keys : ['A', 'B']) : [keys[0] as string];
    return { kind: multiple ? 'multiple' : 'single', options, answer, points: 2 };
  });

/** The texts a member picked, whatever the labels. */
const textsOf = (q: GradableQuestion, keys: readonly string[]) =>
  keys.map((k) => q.options.find((o) => o.key === k)?.text).sort();

describe('gradeAnswer', () => {
  it('grades each kind', () => {
    const single = {
      kind: 'single',
      options: [
        { key: 'A', text: 'x' },
        { key: 'B', text: 'y' },
      ],
      answer: ['B'],
    };
    expect(gradeAnswer(single, 'B')).toEqual({ correct: true, score: 1 });
    expect(gradeAnswer(single, 'A').correct).toBe(false);
    expect(gradeAnswer(single, ['B']).correct).toBe(true);
    const multiple = { ...single, kind: 'multiple', answer: ['A', 'B'], points: 3 };
    expect(gradeAnswer(multiple, ['B', 'A'])).toEqual({ correct: true, score: 3 });
    expect(gradeAnswer(multiple, ['A']).correct).toBe(false);
    const tf = { kind: 'true_false', options: [], answer: [false] };
    expect(gradeAnswer(tf, false).correct).toBe(true);
    expect(gradeAnswer(tf, 'false').correct).toBe(false);
    const fill = { kind: 'fill', options: [], answer: [['1921', '1921年'], 'ＣＰＣ'] };
    expect(gradeAnswer(fill, [' 1921年 ', 'cpc']).correct).toBe(true);
    expect(gradeAnswer(fill, ['１９２１', 'Cpc']).correct).toBe(true);
    expect(gradeAnswer(fill, ['1921']).correct).toBe(false);
    expect(gradeAnswer(fill, null).correct).toBe(false);
  });

  it('normalizes fill-in text', () => {
    expect(normalizeFill('　ＡＢｃ　 d ')).toBe('abc d');
  });
});

describe('shuffleOptions', () => {
  it('keeps grading correct for every seed and answer (property)', () => {
    fc.assert(
      fc.property(choiceQuestion, fc.string(), fc.array(fc.nat(), { maxLength: 8 }), (q, seed, picks) => {
        const shuffled = shuffleOptions(q, seed);
        // the right texts stay right
        expect(textsOf(shuffled, shuffled.answer as string[])).toEqual(textsOf(q, q.answer as string[]));
        // any displayed pick grades as the same texts would in the original
        const displayed = [...new Set(picks.map((p) => shuffled.options[p % shuffled.options.length]!.key))];
        const given = q.kind === 'single' ? (displayed[0] ?? 'A') : displayed;
        const original = answerToOriginalKeys(q.kind, shuffled.optionOrder, given);
        expect(gradeAnswer(shuffled, given)).toEqual(gradeAnswer(q, original));
        // same seed, same order
        expect(shuffleOptions(q, seed).optionOrder).toEqual(shuffled.optionOrder);
      }),
    );
  });

  it('labels the shuffled choices A, B, C… in display order', () => {
    const q = { kind: 'single', options: [...'ABCD'].map((key) => ({ key, text: key })), answer: ['C'] };
    const s = shuffleOptions(q, 'x');
    expect(s.options.map((o) => o.key)).toEqual(['A', 'B', 'C', 'D']);
    expect(s.options.find((o) => o.key === s.answer[0])?.text).toBe('C');
  });
});

describe('seededShuffle', () => {
  it('is a deterministic permutation', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.string(), (xs, seed) => {
        const a = seededShuffle(xs, seed);
        expect([...a].sort()).toEqual([...xs].sort());
        expect(seededShuffle(xs, seed)).toEqual(a);
      }),
    );
  });
});

describe('the attempt clock', () => {
  const start = new Date('2026-05-01T08:00:00Z');
  it('caps the deadline at the close and adds extra minutes', () => {
    expect(attemptDeadline(start, 30, 0, null)?.toISOString()).toBe('2026-05-01T08:30:00.000Z');
    expect(attemptDeadline(start, 30, 10, null)?.toISOString()).toBe('2026-05-01T08:40:00.000Z');
    expect(attemptDeadline(start, 30, 0, new Date('2026-05-01T08:10:00Z'))?.toISOString()).toBe(
      '2026-05-01T08:10:00.000Z',
    );
    expect(attemptDeadline(start, null, 0, null)).toBeNull();
  });
  it('allows submission, not answers, in the grace period', () => {
    const clock = { deadline: new Date('2026-05-01T08:30:00Z'), graceSeconds: 30 };
    const inGrace = new Date('2026-05-01T08:30:20Z');
    expect(canChangeAnswer(clock, inGrace)).toBe(false);
    expect(canSubmit(clock, inGrace)).toBe(true);
    expect(canSubmit(clock, new Date('2026-05-01T08:30:31Z'))).toBe(false);
  });
});

describe('question consistency and hashing', () => {
  it('reports bad answers', () => {
    const options = [
      { key: 'A', text: 'x' },
      { key: 'B', text: 'y' },
    ];
    expect(questionIssues({ kind: 'single', options, answer: ['C'] })[0]?.path).toBe('answer');
    expect(questionIssues({ kind: 'multiple', options, answer: ['A'] })[0]?.message).toBe('exam.multipleTwoAnswers');
    expect(questionIssues({ kind: 'true_false', options: [], answer: ['对'] })).toHaveLength(1);
    expect(questionIssues({ kind: 'single', options, answer: ['A'] })).toEqual([]);
  });
  it('hashes equal content equally', () => {
    const a = { kind: 'fill', stem: '党的一大于____年召开', options: [], answer: [['1921']] };
    expect(questionHashText(a)).toBe(questionHashText({ ...a, stem: ' 党的一大于____年召开　' }));
  });
});
