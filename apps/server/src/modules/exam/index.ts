import type { Db } from '../../db/client.js';
import { createExamAccess } from './exam.access.js';
import { createAttemptService } from './exam.attempts.js';
import { createBankService } from './exam.banks.js';
import { createBankImport } from './exam.import.js';
import { createExamService } from './exam.service.js';

/**
 * Contract for other modules (knowledge competitions): draw questions from the banks, grade an answer, shuffle the
 * choices of a question for one person. Signatures are stable:
 * - `drawQuestions(tx, { bankIds, rules: [{ tags?, difficulty?, count }], seed })` → live questions, deterministic
 *   for a seed, never repeated; throws a VALIDATION_FAILED naming `rules.<i>.count` when a rule finds too few.
 * - `gradeAnswer(question, answer)` → `{ correct, score }` (pure). Answers: 'A' (single), ['A','C'] (multiple),
 *   true/false (true_false), ['text', …] one per blank (fill; trimmed, full-width → half-width, case-insensitive).
 * - `shuffleOptions(question, seed)` → the question with its choices reordered and relabeled A, B, C…, its answer
 *   relabeled too, so `gradeAnswer(shuffled, displayedKeys)` is right; `optionOrder` maps back to original keys.
 */
export {
  type AnswerValue,
  answerToOriginalKeys,
  type GradableQuestion,
  type GradeResult,
  gradeAnswer,
  normalizeFill,
  shuffleOptions,
} from '@red-engine/shared';
export { contentHashOf } from './exam.banks.js';
export { type DrawInput, type DrawRule, drawQuestions, type QuestionRow, questionsByIds } from './exam.draw.js';
export { quizPointSource } from './exam.points.js';
export { examRoutes } from './exam.routes.js';

/** 题库 and 考试/测验, wired. `now` is the clock of every time decision (tests move it past deadlines). */
export function createExamModule(deps: { db: Db; now?: () => Date }) {
  const access = createExamAccess(deps.db);
  return {
    banks: createBankService({ db: deps.db, access }),
    imports: createBankImport({ db: deps.db, access }),
    exams: createExamService({ db: deps.db, access, now: deps.now }),
    attempts: createAttemptService({ db: deps.db, access, now: deps.now }),
  };
}
export type ExamModule = ReturnType<typeof createExamModule>;
