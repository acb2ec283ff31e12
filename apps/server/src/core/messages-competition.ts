import type { LocalizedText } from './messages.js';

const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, 'en-US': en });
const clock = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(11, 19);
const dateTime = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** Texts of 知识竞赛, in both languages. */
export const COMPETITION_MESSAGES = {
  endsBeforeStart: t('结束时间须晚于开始时间', 'The end must come after the start'),
  tooShort: (needed: number) =>
    t(
      `竞赛时长不足：按每题限时至少需要 ${needed} 分钟`,
      `The competition is too short: the questions need at least ${needed} minutes`,
    ),
  startInPast: t('开始时间须晚于现在', 'The start must be in the future'),
  bankUnknown: t('题库不存在或不在您的管理范围内', 'The question bank does not exist or is outside your scope'),
  audienceUnknown: t(
    '参赛组织不存在或不在主办组织之下',
    'A participating organization does not exist or is not under the host',
  ),
  notEnoughQuestions: (wanted: number, found: number) =>
    t(
      `题库中符合抽题规则的题目不足：需要 ${wanted} 题，只有 ${found} 题`,
      `Not enough questions match the draw rules: ${wanted} wanted, ${found} available`,
    ),
  notEditable: t(
    '竞赛已开始、已结束或已取消，不能再修改',
    'The competition has started, ended or been cancelled and can no longer be changed',
  ),
  notDraft: t('只有草稿状态的竞赛可以发布', 'Only a draft can be scheduled'),
  notCancellable: t('已结束或已取消的竞赛不能取消', 'A finished or cancelled competition cannot be cancelled'),
  lobbyNotOpen: (opens: Date) =>
    t(`候场将于 ${dateTime(opens)} 开放`, `The lobby opens at ${dateTime(opens)} (Beijing time)`),
  notInAudience: t('您不在本次竞赛的参赛范围内', 'You are not among the participants of this competition'),
  closed: t('竞赛已结束', 'The competition has ended'),
  notOpened: t('该题尚未发给您，请先获取题目', 'This question has not been given to you yet; fetch it first'),
  answerLate: (deadline: Date, received: Date) =>
    t(
      `本题作答时间已过：截止 ${clock(deadline)}，服务器收到 ${clock(received)}（北京时间），本题不计分`,
      `Time for this question is up: deadline ${clock(deadline)}, received ${clock(received)} (Beijing time); it scores nothing`,
    ),
};
