/**
 * Pure rules of question banks and exams: grading, fill-in normalization, seeded shuffles and the attempt clock.
 * Shared by the server (exams, knowledge competitions) and the web (preview in the question editor).
 */

export const QUESTION_KINDS = ['single', 'multiple', 'true_false', 'fill'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export type QuestionOption = { key: string; text: string };

/** What grading needs of a question. `answer`: keys (single/multiple), [boolean] (true/false), blanks (fill). */
export type GradableQuestion = {
  kind: string;
  options: readonly QuestionOption[];
  answer: readonly (string | boolean | readonly string[])[];
  points?: number;
};

/** A member's answer: a key (single), keys (multiple), a boolean (true/false), the text of each blank (fill). */
export type AnswerValue = string | boolean | readonly string[];

export type GradeResult = { correct: boolean; score: number };

/** Fill-in normalization: full-width → half-width, ideographic space → space, whitespace collapsed, trimmed, lower case. */
export function normalizeFill(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const asKeys = (answer: AnswerValue | null | undefined): string[] =>
  typeof answer === 'string' ? [answer] : Array.isArray(answer) ? answer.filter((k) => typeof k === 'string') : [];

/** The accepted texts of each blank: a blank is a text or a list of alternatives. */
export function blanksOf(question: GradableQuestion): string[][] {
  return question.answer.map((b) => (Array.isArray(b) ? b.map(String) : [String(b)]));
}

/** Grades one answer. Pure; a missing or malformed answer is wrong, never an error. */
export function gradeAnswer(question: GradableQuestion, answer: AnswerValue | null | undefined): GradeResult {
  const points = question.points ?? 1;
  const result = (correct: boolean): GradeResult => ({ correct, score: correct ? points : 0 });
  if (answer === null || answer === undefined) return result(false);
  switch (question.kind) {
    case 'single': {
      const keys = asKeys(answer);
      return result(keys.length === 1 && question.answer.length === 1 && keys[0] === question.answer[0]);
    }
    case 'multiple': {
      const given = new Set(asKeys(answer));
      const right = new Set(question.answer.map(String));
      return result(given.size === right.size && [...right].every((k) => given.has(k)));
    }
    case 'true_false':
      return result(typeof answer === 'boolean' && answer === question.answer[0]);
    case 'fill': {
      const given = typeof answer === 'string' ? [answer] : Array.isArray(answer) ? answer.map(String) : [];
      const blanks = blanksOf(question);
      return result(
        given.length === blanks.length &&
          blanks.every((accepted, i) => accepted.some((a) => normalizeFill(a) === normalizeFill(given[i] ?? ''))),
      );
    }
    default:
      return result(false);
  }
}

/** A 32-bit FNV-1a hash: turns any seed into a PRNG state. */
export function hashSeed(seed: string | number): number {
  const text = String(seed);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small deterministic PRNG in [0, 1). */
export function seededRandom(seed: string | number): () => number {
  let a = hashSeed(seed);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded Fisher–Yates shuffle (a new array; the input is untouched). */
export function seededShuffle<T>(items: readonly T[], seed: string | number): T[] {
  const out = [...items];
  const rnd = seededRandom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * Shuffles the choices of a single or multiple choice question for one attempt and relabels them A, B, C… in the
 * new order; the answer is relabeled with them, so `gradeAnswer(shuffled, x)` is right exactly when the member
 * picked the same texts. `optionOrder` holds the original keys in display order (to map an answer back).
 * True/false and fill-in questions come back unchanged.
 */
export function shuffleOptions<Q extends GradableQuestion>(
  question: Q,
  seed: string | number,
): Q & { optionOrder: string[] } {
  if (question.kind !== 'single' && question.kind !== 'multiple') {
    return { ...question, optionOrder: question.options.map((o) => o.key) };
  }
  const shuffled = seededShuffle(question.options, seed);
  const relabel = new Map(shuffled.map((o, i) => [o.key, LETTERS[i] ?? String(i + 1)]));
  return {
    ...question,
    options: shuffled.map((o, i) => ({ key: LETTERS[i] ?? String(i + 1), text: o.text })),
    answer: question.answer.map((k) => relabel.get(String(k)) ?? String(k)),
    optionOrder: shuffled.map((o) => o.key),
  };
}

/** Maps an answer given in display keys back to the original keys (multiple/single only). */
export function answerToOriginalKeys(kind: string, optionOrder: readonly string[], answer: AnswerValue): AnswerValue {
  if (kind !== 'single' && kind !== 'multiple') return answer;
  const back = (k: string) => optionOrder[LETTERS.indexOf(k)] ?? k;
  return typeof answer === 'string' ? back(answer) : Array.isArray(answer) ? answer.map(back) : answer;
}

/** The text a content hash is computed from: kind, stem, options and answer normalized (order of choices kept). */
export function questionHashText(q: {
  kind: string;
  stem: string;
  options: readonly QuestionOption[];
  answer: readonly unknown[];
}): string {
  const norm = (s: string) => normalizeFill(s);
  return JSON.stringify([
    q.kind,
    norm(q.stem),
    q.options.map((o) => [o.key.toUpperCase(), norm(o.text)]),
    q.answer.map((a) => (Array.isArray(a) ? a.map((x) => norm(String(x))) : typeof a === 'string' ? norm(a) : a)),
  ]);
}

/** The attempt clock. Answers are accepted until the deadline; the grace period allows submission only. */
export type AttemptClock = { deadline: Date | null; graceSeconds: number };

export function canChangeAnswer(clock: AttemptClock, now: Date): boolean {
  return clock.deadline === null || now.getTime() <= clock.deadline.getTime();
}

export function canSubmit(clock: AttemptClock, now: Date): boolean {
  return clock.deadline === null || now.getTime() <= clock.deadline.getTime() + clock.graceSeconds * 1000;
}

/** The deadline of a new attempt: start + limit (+ a member's extra minutes), never after the exam closes. */
export function attemptDeadline(
  startedAt: Date,
  timeLimitMinutes: number | null,
  extraMinutes: number,
  closesAt: Date | null,
): Date | null {
  const byLimit =
    timeLimitMinutes === null ? null : new Date(startedAt.getTime() + (timeLimitMinutes + extraMinutes) * 60_000);
  if (byLimit === null) return closesAt;
  if (closesAt === null) return byLimit;
  return byLimit.getTime() < closesAt.getTime() ? byLimit : closesAt;
}

export function remainingSeconds(deadline: Date | null, now: Date): number | null {
  if (deadline === null) return null;
  return Math.max(0, Math.floor((deadline.getTime() - now.getTime()) / 1000));
}

/** Percent score rounded to one decimal; an empty paper scores 0. */
export function percentOf(score: number, max: number): number {
  return max <= 0 ? 0 : Math.round((score / max) * 1000) / 10;
}
