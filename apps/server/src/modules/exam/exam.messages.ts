import type { LocalizedText } from '../../core/messages.js';

const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, 'en-US': en });

/** Texts of the question bank and exam module, in both languages. */
export const EXAM_MESSAGES = {
  drawTooFew: (rule: number, wanted: number, found: number) =>
    t(
      `第 ${rule} 条抽题规则需要 ${wanted} 道题，题库中符合条件的只有 ${found} 道`,
      `Draw rule ${rule} needs ${wanted} questions; the banks hold only ${found} that match`,
    ),
  orgOutOfScope: t('只能在本人管理范围内的组织下创建', 'You can only create this for an organization you manage'),
  bankNameTaken: t('该组织已有同名题库', 'The organization already has a bank of that name'),
  bankNotUsable: t('所选题库不存在或不可使用', 'A chosen bank does not exist or cannot be used'),
  questionNotUsable: t('所选试题不存在或已停用', 'A chosen question does not exist or is retired'),
  questionDuplicate: t('题库中已有内容相同的试题', 'The bank already holds a question with the same content'),
  issue: (key: string) => ISSUES[key] ?? t('内容不正确', 'Invalid content'),
  paperEmpty: t(
    '试卷没有试题：请设置抽题规则或选择固定试题',
    'The paper has no questions: add draw rules or pick questions',
  ),
  windowOrder: t('结束时间须晚于开始时间', 'The closing time must be after the opening time'),
  audienceEmpty: t('请选择参加的组织或党员', 'Choose the organizations or members who take it'),
  examNotDraft: t('考试已发布，试卷设置不能再修改', 'The exam is published; its paper can no longer change'),
  examState: t('考试当前状态不允许此操作', 'The exam is not in a state that allows this'),
  notOpenYet: t('考试尚未开始', 'The exam has not opened yet'),
  closed: t('考试已结束', 'The exam has closed'),
  noAttemptsLeft: (allowed: number) => t(`已用完全部 ${allowed} 次作答机会`, `All ${allowed} attempts have been used`),
  noAttemptInProgress: t('当前没有进行中的作答，请先开始答题', 'No attempt is in progress; start one first'),
  attemptFinished: t(
    '当前没有进行中的作答（已交卷或已超时），答案不能再修改',
    'No attempt is in progress (submitted or timed out); answers cannot change',
  ),
  timeUp: (deadline: string) =>
    t(
      `作答时间已于 ${deadline} 截止，答案未保存；宽限期内只能交卷`,
      `Time ran out at ${deadline}; the answer was not saved. During the grace period you can only submit`,
    ),
  notInAudience: t('该党员不在本次考试的参加范围内', 'This member is not among those who take this exam'),
  answerShape: t('答案格式与题型不符', 'The answer does not fit the question type'),
  answerNotAnOption: t('答案不是本题的选项', 'The answer is not one of the choices'),
  notInAttempt: t('本次试卷中没有这道题', 'This question is not on your paper'),
  importNoFile: t('请上传一个 .xlsx 文件', 'Upload one .xlsx file'),
  importNotXlsx: t('文件不是 Excel 工作簿（.xlsx）', 'The file is not an Excel workbook (.xlsx)'),
  importHeader: (name: string) =>
    t(`缺少列「${name}」，请使用导入模板`, `Column “${name}” is missing; use the template`),
  importEmpty: t('文件中没有试题', 'The file holds no questions'),
  importTooMany: (max: number) => t(`一次最多导入 ${max} 道题`, `At most ${max} questions per import`),
  required: t('必填', 'Required'),
  unknownKind: t('题型应为：单选、多选、判断、填空', 'Type must be one of: single, multiple, true/false, fill-in'),
  badDifficulty: t('难度应为：易、中、难（或 1、2、3）', 'Difficulty must be easy, medium, hard (or 1, 2, 3)'),
  badPoints: t('分值应为 1–100 的整数', 'Points must be a whole number from 1 to 100'),
  badTrueFalse: t('判断题答案应为“对”或“错”', 'A true/false answer is “对” (true) or “错” (false)'),
  badChoice: t('答案应为选项字母，如 A 或 ABD', 'The answer is the letters of the choices, e.g. A or ABD'),
  repeatedInFile: (row: number) => t(`与第 ${row} 行重复`, `Repeats row ${row}`),
  tooLong: (max: number) => t(`不能超过 ${max} 个字`, `At most ${max} characters`),
};

const ISSUES: Record<string, LocalizedText> = {
  'exam.optionsTooFew': t('选择题至少需要两个选项', 'A choice question needs at least two choices'),
  'exam.optionsRepeated': t('选项字母重复', 'A choice letter repeats'),
  'exam.answerNotAnOption': t('答案须为已有选项的字母', 'The answer must be letters of existing choices'),
  'exam.singleOneAnswer': t('单选题只能有一个正确答案', 'A single choice question has exactly one right answer'),
  'exam.multipleTwoAnswers': t(
    '多选题至少需要两个不同的正确答案',
    'A multiple choice question needs two or more right answers',
  ),
  'exam.noOptions': t('判断题和填空题没有选项', 'True/false and fill-in questions have no choices'),
  'exam.trueFalseAnswer': t('判断题答案应为对或错', 'A true/false answer is true or false'),
  'exam.fillAnswer': t('填空题答案应为文字', 'A fill-in answer is text'),
};
