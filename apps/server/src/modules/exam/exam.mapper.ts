import type { Bank, Exam, Question } from '@red-engine/shared';
import type { ExamRow } from './exam.access.js';
import type { QuestionRow } from './exam.draw.js';

export const iso = (d: Date | string | null | undefined): string | null =>
  d === null || d === undefined ? null : new Date(d).toISOString();

export type BankListRow = {
  id: string;
  name: string;
  description: string | null;
  org_id: string;
  org_name: string;
  question_count: number;
  tags: string[] | null;
  created_at: Date | string;
  updated_at: Date | string;
};

export const toBankDto = (r: BankListRow): Bank => ({
  id: r.id,
  name: r.name,
  description: r.description,
  orgId: r.org_id,
  orgName: r.org_name,
  questionCount: Number(r.question_count),
  tags: r.tags ?? [],
  createdAt: iso(r.created_at)!,
  updatedAt: iso(r.updated_at)!,
});

export const toQuestionDto = (q: QuestionRow): Question => ({
  id: q.id,
  bankId: q.bankId,
  kind: q.kind as Question['kind'],
  stem: q.stem,
  options: q.options,
  answer: q.answer,
  explanation: q.explanation,
  tags: q.tags,
  difficulty: q.difficulty,
  points: q.points,
  createdAt: iso(q.createdAt)!,
});

export const toExamDto = (
  e: ExamRow,
  extra: { orgName: string; questionCount: number; attempts: number; audienceOrgs: { id: string; name: string }[] },
): Exam => ({
  id: e.id,
  orgId: e.orgId,
  orgName: extra.orgName,
  kind: e.kind as Exam['kind'],
  title: e.title,
  description: e.description,
  status: e.status as Exam['status'],
  paperMode: e.paperMode as Exam['paperMode'],
  bankIds: e.bankIds,
  drawRules: e.drawRules,
  fixedQuestionIds: e.fixedQuestionIds,
  shuffleQuestions: e.shuffleQuestions,
  shuffleOptions: e.shuffleOptions,
  timeLimitMinutes: e.timeLimitMinutes,
  graceSeconds: e.graceSeconds,
  maxAttempts: e.maxAttempts,
  passPercent: e.passPercent,
  resultsRelease: e.resultsRelease as Exam['resultsRelease'],
  audienceOrgIds: e.audienceOrgIds,
  audienceOrgs: extra.audienceOrgs,
  audienceMemberIds: e.audienceMemberIds,
  opensAt: iso(e.opensAt),
  closesAt: iso(e.closesAt),
  publishedAt: iso(e.publishedAt),
  questionCount: extra.questionCount,
  attempts: extra.attempts,
  createdAt: iso(e.createdAt)!,
});

/** The number of questions a paper holds. */
export const paperSize = (e: Pick<ExamRow, 'paperMode' | 'drawRules' | 'fixedQuestionIds'>) =>
  e.paperMode === 'fixed' ? e.fixedQuestionIds.length : e.drawRules.reduce((n, r) => n + r.count, 0);
