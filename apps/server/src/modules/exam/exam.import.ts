import {
  type BankImportReport,
  type Locale,
  type QuestionBody,
  QuestionBodySchema,
  questionIssues,
} from '@red-engine/shared';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { RequestContext } from '../../core/actor.js';
import { fieldError } from '../../core/errors.js';
import type { LocalizedText } from '../../core/messages.js';
import { inTransaction } from '../../core/transaction.js';
import type { Db } from '../../db/client.js';
import { questions } from '../../db/schema/index.js';
import type { ExamAccess } from './exam.access.js';
import { contentHashOf, insertQuestion } from './exam.banks.js';
import { EXAM_MESSAGES as M } from './exam.messages.js';

export const MAX_IMPORT_QUESTIONS = 5000;
const OPTION_KEYS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

type Column = { key: string; zh: string; en: string; width: number; note: string };
const COLUMNS: Column[] = [
  { key: 'kind', zh: '题型', en: 'Type', width: 10, note: '单选、多选、判断、填空' },
  { key: 'stem', zh: '题干', en: 'Question', width: 50, note: '填空题用 ____ 标出每个空' },
  ...OPTION_KEYS.map((k) => ({
    key: `option${k}`,
    zh: `选项${k}`,
    en: `Choice ${k}`,
    width: 22,
    note: '选择题填写；判断、填空题留空',
  })),
  {
    key: 'answer',
    zh: '答案',
    en: 'Answer',
    width: 16,
    note: '选择题：字母，如 A 或 ABD；判断题：对/错；填空题：各空用 | 分隔，同一空的多个可接受答案用 / 分隔',
  },
  { key: 'explanation', zh: '解析', en: 'Explanation', width: 40, note: '选填，交卷后显示' },
  { key: 'tags', zh: '标签', en: 'Tags', width: 18, note: '选填，多个用逗号或顿号分隔，如 党章、党史' },
  { key: 'difficulty', zh: '难度', en: 'Difficulty', width: 8, note: '易、中、难（默认中）' },
  { key: 'points', zh: '分值', en: 'Points', width: 8, note: '1–100 的整数（默认 1）' },
];
const letterOf = (i: number) => String.fromCharCode(65 + i);

const KINDS: Record<string, QuestionBody['kind']> = {
  单选: 'single',
  单选题: 'single',
  single: 'single',
  多选: 'multiple',
  多选题: 'multiple',
  multiple: 'multiple',
  判断: 'true_false',
  判断题: 'true_false',
  true_false: 'true_false',
  'true/false': 'true_false',
  填空: 'fill',
  填空题: 'fill',
  fill: 'fill',
};
const TRUE_WORDS = new Set(['对', '正确', '是', '√', 'true', 't', 'yes', 'y']);
const FALSE_WORDS = new Set(['错', '错误', '否', '×', 'false', 'f', 'no', 'n']);
const DIFFICULTY: Record<string, number> = {
  易: 1,
  简单: 1,
  中: 2,
  中等: 2,
  难: 3,
  困难: 3,
  '1': 1,
  '2': 2,
  '3': 3,
  easy: 1,
  medium: 2,
  hard: 3,
};

/** The import template: the columns, two example rows, and a sheet of notes. */
export async function bankTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Red Engine 红色引擎';
  const ws = wb.addWorksheet('试题');
  ws.columns = COLUMNS.map((c) => ({ header: c.zh, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const [i, c] of COLUMNS.entries()) ws.getCell(1, i + 1).note = c.note;
  ws.addRow({
    kind: '单选',
    stem: '中国共产党第一次全国代表大会于哪一年召开？',
    optionA: '1919年',
    optionB: '1921年',
    optionC: '1927年',
    optionD: '1949年',
    answer: 'B',
    explanation: '党的一大于1921年7月召开。',
    tags: '党史',
    difficulty: '易',
    points: 1,
  });
  ws.addRow({
    kind: '填空',
    stem: '中国共产党成立于____年。',
    answer: '1921/1921年',
    tags: '党史',
    difficulty: '易',
    points: 1,
  });
  const notes = wb.addWorksheet('填写说明');
  notes.columns = [
    { header: '列', width: 12 },
    { header: '说明', width: 90 },
  ];
  for (const c of COLUMNS) notes.addRow([c.zh, c.note]);
  notes.addRow([
    '',
    '同一文件重复导入不会重复添加试题（按题型、题干、选项和答案判断）。有任何一行不正确时整个文件都不导入。',
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type Cell = string;
type ParsedRow = { row: number; body: QuestionBody | null; issues: { column: string; text: LocalizedText }[] };

const cellText = (v: ExcelJS.CellValue): Cell => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v)
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('text' in v) return String(v.text).trim();
    if ('result' in v) return String(v.result ?? '').trim();
    if (v instanceof Date) return v.toISOString().slice(0, 10);
  }
  return String(v).trim();
};

/** Reads the first sheet into rows of cell texts keyed by column; the header row names the columns. */
async function readSheet(data: Buffer) {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw fieldError('body.file', M.importNotXlsx);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw fieldError('body.file', M.importEmpty);
  const header = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const name = cellText(cell.value);
    const c = COLUMNS.find((x) => x.zh === name || x.en.toLowerCase() === name.toLowerCase());
    if (c) header.set(c.key, col);
  });
  for (const key of ['kind', 'stem', 'answer']) {
    if (!header.has(key)) throw fieldError('body.file', M.importHeader(COLUMNS.find((c) => c.key === key)!.zh));
  }
  const rows: { row: number; cells: Record<string, Cell> }[] = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const cells: Record<string, Cell> = {};
    for (const [key, col] of header) cells[key] = cellText(r.getCell(col).value);
    if (Object.values(cells).some((v) => v !== '')) rows.push({ row: n, cells });
  });
  if (rows.length === 0) throw fieldError('body.file', M.importEmpty);
  if (rows.length > MAX_IMPORT_QUESTIONS) throw fieldError('body.file', M.importTooMany(MAX_IMPORT_QUESTIONS));
  return { rows, letters: new Map([...header].map(([k, col]) => [k, letterOf(col - 1)])) };
}

const splitList = (s: string) =>
  s
    .split(/[,，、;；\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

function parseRow(row: number, cells: Record<string, Cell>): ParsedRow {
  const issues: ParsedRow['issues'] = [];
  const bad = (column: string, text: LocalizedText) => issues.push({ column, text });
  const kind = KINDS[(cells.kind ?? '').toLowerCase()];
  if (!cells.kind) bad('kind', M.required);
  else if (!kind) bad('kind', M.unknownKind);
  const stem = cells.stem ?? '';
  if (!stem) bad('stem', M.required);
  else if (stem.length > 1000) bad('stem', M.tooLong(1000));
  const options = OPTION_KEYS.flatMap((key) => (cells[`option${key}`] ? [{ key, text: cells[`option${key}`]! }] : []));
  for (const o of options) if (o.text.length > 300) bad(`option${o.key}`, M.tooLong(300));
  const raw = cells.answer ?? '';
  let answer: QuestionBody['answer'] = [];
  if (!raw) bad('answer', M.required);
  else if (kind === 'single' || kind === 'multiple') {
    const letters = raw.toUpperCase().replace(/[\s,，、;；]/g, '');
    if (!/^[A-F]+$/.test(letters)) bad('answer', M.badChoice);
    else answer = [...new Set(letters)];
  } else if (kind === 'true_false') {
    const w = raw.toLowerCase();
    if (TRUE_WORDS.has(w)) answer = [true];
    else if (FALSE_WORDS.has(w)) answer = [false];
    else bad('answer', M.badTrueFalse);
  } else if (kind === 'fill') {
    answer = raw
      .split('|')
      .map((blank) =>
        blank
          .split('/')
          .map((a) => a.trim())
          .filter(Boolean),
      )
      .filter((b) => b.length > 0);
    if (answer.length === 0) bad('answer', M.required);
  }
  const difficulty = cells.difficulty ? DIFFICULTY[cells.difficulty.toLowerCase()] : 2;
  if (difficulty === undefined) bad('difficulty', M.badDifficulty);
  const points = cells.points ? Number(cells.points) : 1;
  if (!Number.isInteger(points) || points < 1 || points > 100) bad('points', M.badPoints);
  if (issues.length === 0 && kind) {
    const candidate = {
      kind,
      stem,
      options: kind === 'single' || kind === 'multiple' ? options : [],
      answer,
      explanation: cells.explanation || null,
      tags: splitList(cells.tags ?? '').slice(0, 20),
      difficulty: difficulty ?? 2,
      points,
    };
    if (kind === 'true_false' || kind === 'fill') {
      if (options.length > 0) bad(`option${options[0]!.key}`, M.issue('exam.noOptions'));
    }
    for (const i of questionIssues(candidate)) bad(i.path === 'answer' ? 'answer' : 'optionA', M.issue(i.message));
    const parsed = QuestionBodySchema.safeParse(candidate);
    if (issues.length === 0 && parsed.success) return { row, body: parsed.data, issues };
    if (issues.length === 0) bad('stem', M.issue('invalid'));
  }
  return { row, body: null, issues };
}

/**
 * The bank import: every row is checked and reported (row, column letter, message in the caller's language); a dry
 * run writes nothing; a real run writes all new rows or, when any row is bad, none. A row whose content the bank
 * already holds (content hash) is counted unchanged, so importing the same file twice changes nothing.
 */
export function createBankImport(deps: { db: Db; access: ExamAccess }) {
  const { db, access } = deps;
  return {
    template: bankTemplate,

    async assertBank(ctx: RequestContext, bankId: string) {
      await access.bankFor(ctx.actor!, bankId, 'manage');
    },

    async run(ctx: RequestContext, bankId: string, data: Buffer, dryRun: boolean): Promise<BankImportReport> {
      const locale: Locale = ctx.locale;
      const header = (key: string) => {
        const c = COLUMNS.find((x) => x.key === key)!;
        return locale === 'zh-CN' ? c.zh : c.en;
      };
      await access.bankFor(ctx.actor!, bankId, 'manage');
      const sheet = await readSheet(data);
      const parsed = sheet.rows.map((r) => parseRow(r.row, r.cells));
      const seen = new Map<string, number>();
      for (const p of parsed) {
        if (!p.body) continue;
        const hash = contentHashOf(p.body);
        const first = seen.get(hash);
        if (first !== undefined) p.issues.push({ column: 'stem', text: M.repeatedInFile(first) });
        else seen.set(hash, p.row);
      }
      const issues = parsed.flatMap((p) =>
        p.issues.map((i) => ({
          row: p.row,
          column: sheet.letters.get(i.column) ?? letterOf(COLUMNS.findIndex((c) => c.key === i.column)),
          message: `${header(i.column)}${locale === 'zh-CN' ? '：' : ': '}${i.text[locale]}`,
        })),
      );
      const good = parsed.filter((p) => p.body && p.issues.length === 0).map((p) => p.body!);

      return inTransaction(db, ctx, async (tx, audit) => {
        const bank = await access.bankFor(ctx.actor!, bankId, 'manage', tx);
        const hashes = good.map(contentHashOf);
        const existing = hashes.length
          ? await tx
              .select({ h: questions.contentHash })
              .from(questions)
              .where(
                and(eq(questions.bankId, bankId), isNull(questions.retiredAt), inArray(questions.contentHash, hashes)),
              )
          : [];
        const have = new Set(existing.map((e) => e.h));
        const fresh = good.filter((_, i) => !have.has(hashes[i]!));
        const report = {
          dryRun,
          committed: false,
          rows: parsed.length,
          created: fresh.length,
          unchanged: good.length - fresh.length,
          issues,
        };
        if (dryRun || issues.length > 0) return report;
        for (const body of fresh) await insertQuestion(tx, bankId, body, ctx.actor!.userId, null);
        if (fresh.length > 0)
          audit.record({
            action: 'question_bank.import',
            entity: 'question_bank',
            entityId: bankId,
            orgPath: bank.orgPath,
            after: { rows: parsed.length, created: fresh.length, unchanged: report.unchanged },
          });
        return { ...report, committed: true };
      });
    },
  };
}
export type BankImport = ReturnType<typeof createBankImport>;
