import type { Locale, RatingState } from '@red-engine/shared';

type LocalizedText = Record<Locale, string>;
const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, 'en-US': en });

export const RATING_STATE_NAMES: Record<RatingState, LocalizedText> = {
  self_assessment: t('自评中', 'self-assessment'),
  under_review: t('上级审核中', 'under review'),
  published: t('公示中', 'published'),
  final: t('已确定', 'final'),
};

const ACTION_NAMES = {
  edit_self: t('修改自评', 'change the self-assessment'),
  submit: t('提交自评', 'submit the self-assessment'),
  return: t('退回自评', 'return it to self-assessment'),
  review: t('评审', 'review it'),
  veto: t('认定或撤销一票否决', 'record or clear a veto'),
  publish: t('公示', 'publish it'),
  object: t('提出异议', 'object'),
  answer: t('答复异议', 'answer objections'),
  reopen: t('撤回重新审核', 'reopen the review'),
  finalize: t('确定星级', 'make it final'),
  adjust: t('动态调整星级', 'adjust the stars'),
  evidence: t('上传或移除佐证材料', 'upload or remove evidence'),
  recompute: t('重新计算指标', 'recompute the indicators'),
  reviewers: t('调整评审人', 'change the reviewers'),
} as const;
export type RatingActionName = keyof typeof ACTION_NAMES;

const starsZh = (s: number) => (s === 0 ? '不定星' : `${'★'.repeat(s)}（${s}星）`);
const starsEn = (s: number) => (s === 0 ? 'not rated' : `${s} star${s === 1 ? '' : 's'}`);

/** Texts of the organization star rating module (党组织星级评定), in both languages. */
export const ORG_RATING_MESSAGES = {
  ratingWrongState: (action: RatingActionName, state: RatingState) =>
    t(
      `该评定当前为「${RATING_STATE_NAMES[state]['zh-CN']}」，不能${ACTION_NAMES[action]['zh-CN']}`,
      `This rating is ${RATING_STATE_NAMES[state]['en-US']}: you cannot ${ACTION_NAMES[action]['en-US']} now`,
    ),
  ratingSchemeInUse: t(
    '该方案版本已被评定活动使用，不能再修改；请以它为基础新建一个版本',
    'A campaign uses this version, so it can no longer change; create a new version from it instead',
  ),
  ratingSchemeInvalid: (what: string, whatEn: string) => t(what, whatEn),
  ratingSchemeNone: (year: number) =>
    t(
      `没有 ${year} 年底前生效的默认评定方案，请指定方案`,
      `No default scheme is in force by the end of ${year}; name one`,
    ),
  ratingSchemeNotInForce: (year: number) =>
    t(`该方案版本在 ${year} 年底前尚未生效`, `This scheme version is not in force by the end of ${year}`),
  ratingCampaignNoOrgs: t(
    '该组织及其下级没有适用该方案的参评组织（请检查方案的参评组织类型和领域）',
    'No organization in this subtree is rated under the scheme (check its organization types and domains)',
  ),
  ratingCampaignOverlap: (year: number, names: string[]) =>
    t(
      `以下组织已在 ${year} 年度的其他评定活动中：${names.join('、')}`,
      `These organizations are already rated for ${year} in another campaign: ${names.join(', ')}`,
    ),
  ratingReviewerBelongs: t(
    '您属于被评定的组织（是它的党员或在它那里有账号授权），按规定须回避，不能评审或审定',
    'You belong to the organization being rated (a member of it or holding a role there) and must stand aside: you cannot review or decide on it',
  ),
  ratingReviewerNotSuperior: t(
    '只有上级党组织的评定管理员才能评审或审定',
    'Only a rating manager of a superior organization can review or decide on it',
  ),
  ratingAssigneeBelongs: (name: string) =>
    t(
      `${name} 属于被评定的组织（党员或有账号授权），须回避，不能担任评审人`,
      `${name} belongs to the organization being rated (member or role there) and cannot review it`,
    ),
  ratingAssigneeNotSuperior: (name: string) =>
    t(
      `${name} 没有上级党组织的评定管理权限，不能担任评审人`,
      `${name} does not manage ratings at a superior organization and cannot review it`,
    ),
  ratingAssigneeAlready: (name: string) => t(`${name} 已是评审人`, `${name} is already a reviewer`),
  ratingAssigneeNotAssigned: t('该用户不是这项评定的评审人', 'This user is not a reviewer of this rating'),
  ratingAssigneeSubmitted: t(
    '该评审人已提交评审意见，不能移除',
    'This reviewer has submitted a review and cannot be removed',
  ),
  ratingReviewSubmitted: t('您已提交评审意见，不能再修改', 'You have submitted your review; it can no longer change'),
  ratingIndicatorUnknown: t(
    '该指标不属于本次评定使用的方案',
    'This indicator is not part of the scheme of this rating',
  ),
  ratingIndicatorTwice: t('同一指标只能填写一次', 'Each indicator can be given once'),
  ratingIndicatorComputed: (name: string) =>
    t(
      `「${name}」由系统根据数据计算，请填写调整分（并说明理由），不要直接填写得分`,
      `“${name}” is computed from the data: give an adjustment (with a reason), not the points`,
    ),
  ratingAdjustmentNotComputed: (name: string) =>
    t(`「${name}」没有自动计算结果，请直接填写得分`, `“${name}” has no computed value: enter the points`),
  ratingAdjustmentReason: (name: string) => t(`调整「${name}」的分数须说明理由`, `Adjusting “${name}” needs a reason`),
  ratingPointsAboveMax: (name: string, max: number) =>
    t(`「${name}」最高 ${max} 分`, `“${name}” has at most ${max} points`),
  ratingIndicatorMissing: (names: string[]) =>
    t(`以下指标尚未评分：${names.join('、')}`, `These indicators have no points yet: ${names.join(', ')}`),
  ratingEvidenceMissing: (names: string[]) =>
    t(
      `以下指标得分须上传佐证材料：${names.join('、')}`,
      `These indicators need evidence for their points: ${names.join(', ')}`,
    ),
  ratingInnovationNote: t(
    '申报党建创新项目须填写项目名称和简要说明',
    'A party-building innovation project needs its name and a short description',
  ),
  ratingNoReviews: t(
    '至少要有一位评审人提交评审意见才能公示',
    'At least one reviewer must submit a review before publication',
  ),
  ratingReviewsPending: (names: string[]) =>
    t(`以下评审人尚未提交评审意见：${names.join('、')}`, `These reviewers have not submitted yet: ${names.join(', ')}`),
  ratingOverrideUp: (stars: number) =>
    t(
      `按评定细则应为${starsZh(stars)}；公示时只能按名额调低，不能调高`,
      `The rules give ${starsEn(stars)}; publication can only lower it (for the quotas), never raise it`,
    ),
  ratingOverrideReason: t('调低星级须说明理由', 'Lowering the stars needs a reason'),
  ratingWindowOpen: (deadline: string) =>
    t(
      `公示期到 ${deadline} 结束，期满后才能确定星级`,
      `Publication runs until ${deadline}; the stars become final after that`,
    ),
  ratingOpenObjections: (n: number) =>
    t(`还有 ${n} 条异议未答复，答复后才能确定星级`, `${n} objection(s) still wait for an answer`),
  ratingQuotaExceeded: (v: { stars: number; maxPercent: number; total: number; allowed: number; wouldBe: number }) =>
    t(
      `超出名额「${v.stars}星不超过${v.maxPercent}%」：本次评定共 ${v.total} 个组织，${v.stars}星最多 ${v.allowed} 个，确定后将有 ${v.wouldBe} 个。请撤回重新审核或在公示时按名额调低星级`,
      `Quota “${v.stars} stars at most ${v.maxPercent}%” exceeded: ${v.total} organizations in this campaign allow ${v.allowed} with ${v.stars} stars, this would make ${v.wouldBe}. Reopen the review or lower the stars at publication`,
    ),
  ratingObjectionClosed: t('公示期已结束，不能再提出异议', 'The publication period is over: no more objections'),
  ratingObjectionUnknown: t('该异议不属于这项评定', 'This objection does not belong to this rating'),
  ratingObjectionAnswered: t('该异议已经答复', 'This objection has been answered'),
  ratingVetoRuleUnknown: t(
    '该否决事项不属于本次评定使用的方案',
    'This veto rule is not part of the scheme of this rating',
  ),
  ratingVetoExists: t('该否决事项已经认定', 'This veto is already recorded'),
  ratingVetoUnknown: t('该否决记录不属于这项评定或已撤销', 'This veto does not belong to this rating or was cleared'),
  ratingAdjustSame: t('星级没有变化', 'The stars are unchanged'),
  ratingEvidenceIndicator: t('请选择该评定方案中的指标', 'Choose an indicator of this rating’s scheme'),
  ratingEvidenceRemoved: t('该材料已移除', 'This file was already removed'),
  ratingUserUnknown: t('该用户不存在或已停用', 'This user does not exist or is disabled'),
};
