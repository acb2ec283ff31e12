import type { LocalizedText } from './messages.js';

const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, 'en-US': en });

/** Texts of the 党员积分 module (rules, ledger, grants, publication, objections), in both languages. */
export const POINTS_MESSAGES = {
  versionEffectiveInPast: t(
    '生效日期不能早于今天：已经发生的事项仍按当时的规则计分',
    'The effective date cannot be in the past: what has happened keeps the rules it happened under',
  ),
  versionDateTaken: t(
    '这一天已有积分规则版本，请换一个生效日期',
    'A rule version already takes effect on that day; pick another date',
  ),
  ruleCodeRepeated: (code: string) => t(`积分项目代码「${code}」重复`, `The item code “${code}” is used twice`),
  ruleVetoPoints: t('一票否决项的分值须为 0', 'A veto item carries 0 points'),
  ruleZeroPoints: t('分值不能为 0（一票否决项除外）', 'Points cannot be 0 (except for veto items)'),
  ruleCapOrder: t('上限须满足：每日 ≤ 每月 ≤ 每年', 'Caps must satisfy day ≤ month ≤ year'),
  ruleManualOnly: t(
    '只有人工录入的项目才能设置审批或一票否决',
    'Only items entered by hand can require approval or be veto items',
  ),
  ruleExemptDeductionOnly: t('免扣只适用于扣分项目', 'Exemptions apply to deductions only'),
  schemeThresholds: t('星级分数线须逐级递增', 'Star thresholds must rise from one star to the next'),
  schemeRange: t('数值超出允许范围', 'The value is out of range'),

  ruleUnknown: (code: string) =>
    t(`该日期适用的积分规则中没有项目「${code}」`, `The rules in force on that date have no item “${code}”`),
  ruleNotManual: t(
    '该项目由系统根据业务记录自动计分，不能人工录入',
    'This item is scored automatically from records and cannot be entered by hand',
  ),
  noRulesOnDate: t('该日期没有适用的积分规则', 'No point rules were in force on that date'),
  occurredInFuture: t('事项日期不能晚于今天', 'The date cannot be in the future'),
  memberInactive: t('该党员当前不在册，不能录入积分', 'This member is not on the roll and cannot be scored'),
  grantNotPending: t('该申请已处理', 'This request has already been decided'),
  grantSelfApproval: t(
    '该项目须由申请人以外的管理员审批',
    'This item must be approved by an administrator other than the one who asked',
  ),
  grantEvidenceMissing: t(
    '该项目须上传证明材料后才能审批',
    'This item needs supporting evidence before it can be approved',
  ),
  grantEvidenceLimit: t('每条申请最多上传 10 份证明材料', 'At most 10 evidence files per request'),

  entryAlreadyReversed: t('该条积分已经更正过', 'This entry has already been corrected'),
  entryIsReversal: t(
    '更正记录本身不能再更正，请另行录入',
    'A correction cannot be corrected; enter a new item instead',
  ),
  entryNothingToReverse: t('该条记录为 0 分，无需更正', 'This entry is worth 0 points; nothing to correct'),
  objectionNotOfMember: t('该异议不是针对此党员的', 'That objection is not about this member'),

  exemptionEndBeforeStart: t('结束日期不能早于开始日期', 'The end cannot be before the start'),

  periodInvalid: t('期间格式应为 2026、2026-11 或 2026-Q4', 'Use a period like 2026, 2026-11 or 2026-Q4'),
  periodInFuture: t('该期间尚未开始', 'That period has not begun'),
  publishPeriodInFuture: t('只能公示已经开始的月份或季度', 'Only months or quarters that have begun can be published'),

  objectionClosed: (deadline: string) =>
    t(`本期公示的异议期已于 ${deadline} 截止`, `Objections to this publication closed on ${deadline}`),
  objectionNotCovered: t('这次公示不包括您所在的党组织', 'This publication does not cover your organization'),
  objectionEntryNotInPeriod: t('所选积分不属于本期公示的范围', 'The chosen entry is not part of the published period'),
  objectionAnswered: t('该异议已经答复', 'This objection has already been answered'),
  noMemberRecord: t('您的账号没有关联党员档案', 'Your account is not linked to a member record'),
};
