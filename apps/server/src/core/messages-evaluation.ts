import type { Locale } from '@red-engine/shared';

type LocalizedText = Record<Locale, string>;
const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, 'en-US': en });

const beijing = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** Texts of 书记述职评议 and 民主评议党员, in both languages. */
export const EVALUATION_MESSAGES = {
  evaluationOrgOutOfScope: t(
    '只能为您管理范围内的组织开展评议',
    'You can only run evaluations for organizations you manage',
  ),
  evaluationMemberOrgType: t(
    '民主评议党员以党支部为单位开展，请选择党支部',
    'A democratic evaluation of members is held by a branch: choose a branch',
  ),
  evaluationSecretaryOrgType: t(
    '述职评议由上级党组织组织，党小组不能开展',
    'A secretary review is run by a superior organization, not by a party group',
  ),
  evaluationDuplicate: (year: number, secretary: boolean) =>
    t(
      `该组织 ${year} 年度已开展${secretary ? '书记述职评议' : '民主评议党员'}`,
      `This organization already has a ${secretary ? 'secretary review' : 'democratic evaluation'} for ${year}`,
    ),
  evaluationNoSubjects: (secretary: boolean) =>
    secretary
      ? t('所选组织没有可述职的书记（请先维护班子成员）', 'None of the chosen organizations has a secretary on record')
      : t('该支部没有可参加评议的党员', 'The branch has no members to evaluate'),
  evaluationSubjectOrgInvalid: t(
    '述职组织须为开展评议的组织的下级组织（不含党小组）',
    'Reporting organizations must lie below the organizing one (party groups excluded)',
  ),
  evaluationSubjectOrgNested: t('述职组织之间不能互相包含', 'Reporting organizations may not contain one another'),
  evaluationThresholds: t(
    '满意率阈值须满足：好 ≥ 较好 ≥ 一般',
    'Thresholds must satisfy: good ≥ fairly good ≥ average',
  ),
  evaluationDates: t('结束日期不能早于开始日期', 'The end date cannot be before the start date'),
  evaluationRepresentative: t(
    '党员代表须为管理范围内登记在册的党员',
    'Representatives must be members on record within your scope',
  ),
  evaluationWrongKind: t('此操作不适用于本次评议', 'This action does not apply to this evaluation'),
  evaluationNotPreparing: t(
    '测评已经开始，不能再修改评议设置',
    'Voting has started: the settings can no longer change',
  ),
  evaluationTransition: t('当前阶段不能进行此操作', 'This step is not possible at the current stage'),
  evaluationNoVoters: t('没有有投票资格的人员，不能开始测评', 'Nobody is eligible to vote: voting cannot open'),
  evaluationNotVoting: t('民主测评未开始或已结束', 'Voting is not open'),
  evaluationResultsHidden: t('测评结束后才能查看计票结果', 'Results are shown once voting has closed'),
  evaluationReportClosed: t('测评结束后不能再修改述职报告', 'The report cannot change after voting has closed'),
  evaluationCommentNotYet: t('测评结束后才能点评', 'Comments can be given once voting has closed'),
  evaluationPeerClosed: t(
    '已报上级审定，不能再修改互评意见',
    'The proposal has been submitted: peer opinions can no longer change',
  ),
  evaluationProposalsLocked: t(
    '计票完成后、报上级审定前才能拟定等次',
    'Grades can be proposed after the count and before submission',
  ),
  evaluationSuperiorOnly: t('等次须由上级党组织审定', 'Grades are confirmed by the superior organization'),
  evaluationUngraded: (name: string) =>
    t(`${name}为预备党员，参加评议但不评定等次`, `${name} is a probationary member: takes part without a grade`),
  evaluationSubjectNotInCampaign: t('该党员不是本次评议的对象', 'This person is not evaluated in this campaign'),
  evaluationQuotaMissing: (missing: number) =>
    t(`还有 ${missing} 名党员未拟定等次`, `${missing} member(s) still have no proposed grade`),
  evaluationQuotaOver: (excellent: number, graded: number, max: number, denominator: number) =>
    t(
      `拟定优秀 ${excellent} 人，超过参加评定等次人数 ${graded} 人的 1/${denominator}（最多 ${max} 人）`,
      `${excellent} proposed excellent exceeds 1/${denominator} of the ${graded} graded (at most ${max})`,
    ),
  evaluationNotMemberSubject: t('您不是本次民主评议的评议对象', 'You are not evaluated in this democratic evaluation'),
  evaluationNotSecretarySubject: t('您不是本次述职评议的述职人', 'You are not a reporting secretary in this review'),
  evaluationSelfClosed: t(
    '民主测评结束后不能再修改个人自评',
    'The self-assessment cannot change after voting has closed',
  ),
  ballotAlreadyCast: (at: Date) =>
    t(
      `您已于 ${beijing(at)} 投票，每人只能投一次，感谢参与`,
      `You voted on ${beijing(at)} (Beijing time); each person votes once. Thank you`,
    ),
  ballotNotEligible: t('您不在本次测评的投票人员名单中', 'You are not on the roll of voters for this evaluation'),
  ballotSubjectNotEligible: t('您不能对该对象投票', 'You cannot vote on this person'),
  ballotSelf: t('不能对本人投票', 'You cannot vote on yourself'),
  ballotDuplicateSubject: t('同一对象只能选择一次', 'Each person can be chosen once'),
  ballotWrongChoice: t('该选项不适用于本次评议', 'This choice does not apply to this evaluation'),
  ballotItemUnknown: (key: string) => t(`测评分项「${key}」不存在`, `Item “${key}” does not exist`),
  ballotItemsNotHere: t('民主评议党员没有分项测评', 'A democratic evaluation has no items'),
  rectificationNotReview: t('整改清单用于书记述职评议', 'Rectification lists belong to secretary reviews'),
  rectificationNotYet: t('测评结束后才能列出整改事项', 'Rectification items are listed after voting'),
  rectificationClosed: t('整改事项已销号；如需继续整改请先重新打开', 'The item is closed; reopen it to continue'),
  rectificationNotClosed: t('整改事项尚未销号', 'The item is not closed'),
} as const;
