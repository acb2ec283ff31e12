import { gradeAnswer, percentOf, seededShuffle, shuffleOptions } from '@red-engine/shared';
import { inArray, sql } from 'drizzle-orm';
import type { AuditRecorder } from '../../core/transaction.js';
import type { Tx } from '../client.js';
import { queryRows } from '../rows.js';
import { examAnswers, examAttempts, exams, questions } from '../schema/index.js';
import type { Random } from './random.js';
import { seedQuestions } from './seed-questions.js';

type OrgRef = { id: string; path: string };
type QuestionRow = typeof questions.$inferSelect;
type Rule = { tags?: string[]; difficulty?: number[]; count: number };

/**
 * The stems of the open demo quiz 「党的基本知识小测验」 and their right answers, in paper order (no shuffling): a
 * browser test answers them by stem. Choices are shown as authored, so the right letter is stable.
 */
export const DEMO_QUIZ_TITLE = '党的基本知识小测验';
export const DEMO_QUIZ_STEMS = [
  '党的根本组织原则是什么？',
  '预备党员的预备期为多长时间？',
  '中国共产党是中国工人阶级的先锋队，同时是中国人民和中华民族的先锋队。',
  '预备党员享有表决权、选举权和被选举权。',
  '党的最高理想和最终目标是实现____。',
];

/** In memory, exactly as drawQuestions does it: per rule, matching questions by id, shuffled with the seed. */
function drawFrom(pool: readonly QuestionRow[], rules: readonly Rule[], seed: string): QuestionRow[] {
  const drawn: QuestionRow[] = [];
  const taken = new Set<string>();
  for (const [i, rule] of rules.entries()) {
    const candidates = pool
      .filter((q) => !taken.has(q.id))
      .filter((q) => !rule.tags?.length || q.tags.some((t) => rule.tags!.includes(t)))
      .filter((q) => !rule.difficulty?.length || rule.difficulty.includes(q.difficulty))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const q of seededShuffle(candidates, `${seed}:${i}`).slice(0, rule.count)) {
      drawn.push(q);
      taken.add(q.id);
    }
  }
  return drawn;
}

/** A wrong answer of the same shape. */
function wrongAnswer(q: QuestionRow): string | boolean | string[] {
  if (q.kind === 'true_false') return !q.answer[0];
  if (q.kind === 'fill') return q.answer.map(() => '不知道');
  const wrong = q.options.find((o) => !q.answer.includes(o.key))!.key;
  return q.kind === 'multiple' ? [wrong] : wrong;
}
const rightAnswer = (q: QuestionRow): string | boolean | string[] =>
  q.kind === 'true_false'
    ? (q.answer[0] as boolean)
    : q.kind === 'fill'
      ? q.answer.map((b) => (Array.isArray(b) ? b[0]! : String(b)))
      : q.kind === 'multiple'
        ? (q.answer as string[])
        : (q.answer[0] as string);

/**
 * Question banks (≥ 300 questions) and three exams with a year of attempts by a sample of members: a monthly
 * 应知应会 quiz open all year, a closed 二十大 exam whose results came after its close, and the open
 * 「党的基本知识小测验」 (fixed questions, known answers) that 巴特尔 has not yet taken.
 */
export async function seedExams(tx: Tx, audit: AuditRecorder, rnd: Random, opts: { root: OrgRef; today: string }) {
  const [admin] = await queryRows<{ id: string }>(tx, sql`select id from users where username = 'admin'`);
  const { bankIds } = await seedQuestions(tx, rnd, { root: opts.root, createdById: admin?.id ?? null });
  const pool = await tx
    .select()
    .from(questions)
    .where(inArray(questions.bankId, Object.values(bankIds)));
  const day = (offset: number, hour = 9) =>
    new Date(new Date(`${opts.today}T${String(hour).padStart(2, '0')}:00:00+08:00`).getTime() + offset * 86_400_000);

  const members = await queryRows<{ id: string; org_path: string; username: string | null }>(
    tx,
    sql`select m.id, m.org_path, u.username from members m left join users u on u.id = m.user_id
      where m.status = 'active' and m.org_path is not null order by m.id`,
  );
  const bater = members.find((m) => m.username === 'member');
  const sample = (n: number, withBater: boolean) => {
    const others = seededShuffle(
      members.filter((m) => m !== bater),
      rnd.int(1, 1e9),
    ).slice(0, n);
    return withBater && bater ? [bater, ...others] : others;
  };

  const base = {
    orgId: opts.root.id,
    orgPath: opts.root.path,
    audienceOrgIds: [opts.root.id],
    createdById: admin?.id ?? null,
  };
  const monthly = {
    id: rnd.uuid(),
    ...base,
    kind: 'quiz',
    title: '应知应会月度测验',
    description: '每月一测：党章党规、党史各抽 5 题，可多次作答，取最好成绩。',
    status: 'published',
    paperMode: 'random',
    bankIds: [bankIds.charter, bankIds.history],
    drawRules: [
      { tags: ['党章', '组织生活', '发展党员', '党费'], count: 5 },
      { tags: ['党史'], count: 5 },
    ],
    timeLimitMinutes: 15,
    maxAttempts: 12,
    passPercent: 60,
    opensAt: day(-365),
    closesAt: day(60, 18),
    publishedAt: day(-366),
  };
  const congress = {
    id: rnd.uuid(),
    ...base,
    kind: 'exam',
    title: '党的二十大精神专题考试',
    description: '闭卷，限时 30 分钟；成绩在考试结束后公布。',
    status: 'closed',
    paperMode: 'random',
    bankIds: [bankIds.congress],
    drawRules: [{ count: 15 }],
    timeLimitMinutes: 30,
    maxAttempts: 1,
    passPercent: 70,
    resultsRelease: 'after_close',
    opensAt: day(-130),
    closesAt: day(-120, 18),
    publishedAt: day(-131),
  };
  const fixed = pool.filter((q) => DEMO_QUIZ_STEMS.includes(q.stem));
  const quiz = {
    id: rnd.uuid(),
    ...base,
    kind: 'quiz',
    title: DEMO_QUIZ_TITLE,
    description: '五道基础题，交卷即可查看答案和解析。',
    status: 'published',
    paperMode: 'fixed',
    drawRules: [],
    fixedQuestionIds: DEMO_QUIZ_STEMS.map((s) => fixed.find((q) => q.stem === s)!.id),
    shuffleQuestions: false,
    shuffleOptions: false,
    timeLimitMinutes: 10,
    maxAttempts: 3,
    passPercent: 60,
    opensAt: day(-30),
    closesAt: day(335, 18),
    publishedAt: day(-31),
  };
  await tx.insert(exams).values([monthly, congress, quiz]);
  for (const e of [monthly, congress, quiz])
    audit.record({
      action: 'exam.create',
      entity: 'exam',
      entityId: e.id,
      orgPath: opts.root.path,
      after: { title: e.title, seeded: true },
    });

  const attempts: (typeof examAttempts.$inferInsert)[] = [];
  const answers: (typeof examAnswers.$inferInsert)[] = [];
  const take = (
    e: {
      id: string;
      drawRules: Rule[];
      paperMode: string;
      fixedQuestionIds?: string[];
      timeLimitMinutes: number;
      passPercent: number;
      shuffleOptions?: boolean;
    },
    member: { id: string; org_path: string },
    attemptNo: number,
    startedAt: Date,
    skill: number,
  ) => {
    const id = rnd.uuid();
    const paper =
      e.paperMode === 'fixed'
        ? e.fixedQuestionIds!.map((qid) => pool.find((q) => q.id === qid)!)
        : drawFrom(pool, e.drawRules, id);
    const optionOrders: Record<string, string[]> = {};
    if (e.shuffleOptions !== false)
      for (const q of paper) optionOrders[q.id] = shuffleOptions(q, `${id}:${q.id}`).optionOrder;
    let score = 0;
    let saved = new Date(startedAt);
    for (const q of paper) {
      saved = new Date(saved.getTime() + rnd.int(15, 70) * 1000);
      const answer = rnd.next() < skill ? rightAnswer(q) : wrongAnswer(q);
      const g = gradeAnswer(q, answer);
      score += g.score;
      answers.push({
        attemptId: id,
        questionId: q.id,
        answer: answer as string,
        savedAt: saved,
        correct: g.correct,
        score: g.score,
      });
    }
    const maxScore = paper.reduce((n, q) => n + q.points, 0);
    const percent = percentOf(score, maxScore);
    attempts.push({
      id,
      examId: e.id,
      memberId: member.id,
      orgPath: member.org_path,
      attemptNo,
      seed: id,
      questionIds: paper.map((q) => q.id),
      optionOrders,
      startedAt,
      deadline: new Date(startedAt.getTime() + e.timeLimitMinutes * 60_000),
      graceSeconds: 30,
      status: 'submitted',
      submittedAt: new Date(saved.getTime() + 20_000),
      score,
      maxScore,
      percent,
      passed: percent >= e.passPercent,
    });
  };

  // A year of the monthly quiz: each sampled member takes it in some months.
  for (const m of sample(40, true)) {
    const skill = 0.45 + rnd.next() * 0.5;
    let n = 0;
    for (let month = 11; month >= 0; month--) {
      if (rnd.next() < 0.45 || n >= monthly.maxAttempts) continue;
      n++;
      take(monthly, m, n, day(-month * 30 - rnd.int(1, 25), rnd.int(8, 21)), skill);
    }
  }
  for (const m of sample(50, true))
    take(congress, m, 1, day(-rnd.int(121, 130), rnd.int(8, 17)), 0.5 + rnd.next() * 0.45);
  for (const m of sample(15, false)) take(quiz, m, 1, day(-rnd.int(1, 29), rnd.int(8, 21)), 0.6 + rnd.next() * 0.4);

  for (let i = 0; i < attempts.length; i += 300) await tx.insert(examAttempts).values(attempts.slice(i, i + 300));
  for (let i = 0; i < answers.length; i += 500) await tx.insert(examAnswers).values(answers.slice(i, i + 500));
  return { exams: 3, attempts: attempts.length, questions: pool.length };
}
