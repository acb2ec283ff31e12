import type { LocalizedText } from './messages.js';

const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, 'en-US': en });

/** Texts of the 三会一课 compliance module (rules, activity types, calendar), in both languages. */
export const COMPLIANCE_MESSAGES = {
  ruleEffectiveInPast: t(
    '生效日期不能早于今天：已经开始的周期仍按原规则考核',
    'The effective date cannot be in the past: cycles already begun keep the rule they started under',
  ),
  ruleDateTaken: t(
    '该活动类型和支部类型在这一天已有规则版本，请换一个生效日期或修改那个版本',
    'This activity type and branch type already have a rule version on that date; pick another date or edit that version',
  ),
  ruleSuperseded: t(
    '该版本已被新版本替代，只保留作历史记录；请修改现行或待生效的版本',
    'This version has been replaced and is kept as history; edit the current or the scheduled version',
  ),
  ruleNothingToChange: t('没有需要修改的内容', 'Nothing to change'),
  ruleTypeUnknown: (code: string) =>
    t(`活动类型「${code}」不存在或已停用`, `Activity type “${code}” does not exist or is inactive`),
  activityTypeCodeTaken: (code: string) =>
    t(`活动类型代码 ${code} 已被使用`, `The activity type code ${code} is already used`),
  calendarRange: (days: number) =>
    t(
      `结束日期不能早于开始日期，且一次最多查询 ${days} 天`,
      `The end cannot precede the start, and one request covers at most ${days} days`,
    ),
};
