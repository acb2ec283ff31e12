import type { Locale } from '@red-engine/shared';
import { EVALUATION_MESSAGES } from './messages-evaluation.js';
import { MEETING_RECORD_MESSAGES } from './messages-meeting-records.js';
import { MEETING_MESSAGES } from './messages-meetings.js';
import { ORG_RATING_MESSAGES } from './messages-org-rating.js';
import { VENUE_CALENDAR_MESSAGES } from './messages-venue-calendar.js';

export type LocalizedText = Record<Locale, string>;

const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, 'en-US': en });

/** Server-side texts shown to users; every entry exists in both languages. */
export const MESSAGES = {
  ...MEETING_MESSAGES,
  ...EVALUATION_MESSAGES,
  ...MEETING_RECORD_MESSAGES,
  ...ORG_RATING_MESSAGES,
  ...VENUE_CALENDAR_MESSAGES,
  validationFailed: t('提交的内容有误，请检查标出的字段', 'Some fields are invalid; please check the marked fields'),
  unauthenticated: t('请先登录', 'Please log in first'),
  mfaRequired: t('请完成双因素认证', 'Please complete two-factor authentication'),
  invalidCredentials: t('用户名或密码错误', 'Wrong username or password'),
  throttled: (s: number) =>
    t(`登录失败次数过多，请 ${s} 秒后再试`, `Too many failed attempts; try again in ${s} seconds`),
  locked: (minutes: number) =>
    t(
      `连续登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试或联系管理员解锁`,
      `Too many failed logins: the account is locked. Try again in ${minutes} minutes or ask an administrator to unlock it`,
    ),
  disabled: t('账号已停用，请联系管理员', 'This account is disabled; contact an administrator'),
  invalidMfaCode: t('验证码错误或已过期', 'The code is wrong or has expired'),
  csrfFailed: t('安全校验失败，请刷新页面后重试', 'Security check failed; reload the page and try again'),
  forbidden: t('您没有执行此操作的权限', 'You do not have permission to do this'),
  notFound: t('未找到该记录', 'Not found'),
  routeNotFound: t('接口不存在', 'No such endpoint'),
  invalidUrl: t('请求地址无效', 'The request address is not valid'),
  conflict: t('数据已被修改或已存在，请刷新后重试', 'The data changed or already exists; reload and try again'),
  payloadTooLarge: t('提交的内容过大', 'The request is too large'),
  unsupportedMediaType: t('不支持的内容类型', 'Unsupported content type'),
  rateLimited: t('操作过于频繁，请稍后再试', 'Too many requests; please slow down'),
  internal: t(
    '服务器内部错误，请联系管理员并提供请求编号',
    'Internal error; contact an administrator with the request id',
  ),
  malformedJson: t('请求内容不是有效的 JSON', 'The request body is not valid JSON'),
  weakPassword: (min: number) =>
    t(
      `密码至少 ${min} 位，且须包含大写字母、小写字母、数字、符号中的至少三类，不能包含用户名`,
      `Passwords need at least ${min} characters, three of upper case, lower case, digits and symbols, and must not contain the username`,
    ),
  passwordReused: t('新密码不能与当前密码相同', 'The new password must differ from the current one'),
  wrongCurrentPassword: t('当前密码不正确', 'The current password is wrong'),
  orgChildTypeNotAllowed: (parent: string, child: string) =>
    t(`“${parent}”下不能设立“${child}”`, `A ${child} cannot be created under a ${parent}`),
  orgCodeTaken: (code: string) => t(`组织编码 ${code} 已被使用`, `Organization code ${code} is already used`),
  usernameTaken: (u: string) => t(`用户名 ${u} 已被使用`, `Username ${u} is already taken`),
  roleOutOfScope: t('只能在自己管理的组织范围内授予角色', 'Roles can only be granted inside your own organizations'),
  roleTooHigh: t('不能授予高于自身的角色', 'You cannot grant a role above your own'),
  userOutOfReach: t(
    '该用户还拥有您无权管理的角色，不能由您修改',
    'This user also holds roles you cannot manage, so you cannot change this account',
  ),
  tokenPermissionNotHeld: t('令牌权限不能超出您自己的权限', 'A token cannot have permissions you do not hold'),
  mfaNotEnrolled: t('尚未开始绑定双因素认证', 'Two-factor enrolment has not been started'),
  mfaAlreadyEnabled: t('双因素认证已开启', 'Two-factor authentication is already on'),
  cannotDisableSelf: t('不能停用自己的账号', 'You cannot disable your own account'),
  idNumberFormat: t(
    '公民身份号码应为 18 位，最后一位可为数字或 X',
    'An ID number has 18 characters; the last may be a digit or X',
  ),
  idNumberChecksum: t(
    '公民身份号码校验位不正确，请核对',
    'The ID number check character is wrong; please check the number',
  ),
  idNumberBirthDate: t('公民身份号码中的出生日期无效', 'The birth date inside the ID number is not valid'),
  genderMismatch: t('性别与公民身份号码不一致', 'The gender does not match the ID number'),
  birthDateMismatch: t('出生日期与公民身份号码不一致', 'The birth date does not match the ID number'),
  memberIdNumberTaken: t('该公民身份号码已登记为党员', 'A member with this ID number is already recorded'),
  tooYoungAtJoin: t('入党时须年满 18 周岁', 'A member must be at least 18 years old on the join date'),
  dateInFuture: t('日期不能晚于今天', 'The date cannot be later than today'),
  fullMemberDateRequired: t('正式党员须填写转为正式党员日期', 'Full members need the date they became full members'),
  fullMemberDateNotForProbationary: t(
    '预备党员不填写转为正式党员日期',
    'Probationary members have no full-membership date yet',
  ),
  fullMemberDateBeforeJoin: t('转正日期不能早于入党日期', 'The full-membership date cannot precede the join date'),
  memberOrgNotBranch: t(
    '党员须编入党支部（含联合党支部、临时党支部），不能直接编入党委、党总支或党小组',
    'Members belong to a branch (including joint and temporary branches), not to a committee or party group',
  ),
  memberOrgOutOfScope: t('只能选择自己管理范围内的党支部', 'Choose a branch inside your own organizations'),
  eventBeforeLast: (date: string) =>
    t(
      `日期不能早于该党员最近一条记录的日期（${date}）`,
      `The date cannot precede the member's latest record (${date})`,
    ),
  eventBeforeJoin: t('日期不能早于入党日期', 'The date cannot precede the join date'),
  memberNotActive: t(
    '该党员当前不在册，不能登记此事项',
    'This member is not currently on the roll; this cannot be recorded',
  ),
  onlyProbationary: t('只有预备党员才能办理此事项', 'Only probationary members can have this recorded'),
  convertTooEarly: (date: string) =>
    t(
      `预备期未满，最早可于 ${date} 转为正式党员`,
      `The probation is not over; the earliest conversion date is ${date}`,
    ),
  probationAlreadyExtended: t('预备期只能延长一次', 'A probation can be extended only once'),
  probationMonthsRequired: t('请填写延长的月数（6–12 个月）', 'Give the extension in months (6–12)'),
  targetOrgRequired: t('请选择接收的党支部', 'Choose the receiving branch'),
  sameOrg: t('接收党支部与当前所在党支部相同', 'The receiving branch is the current branch'),
  transferInNotOut: t('只有已转出的党员才能办理转入', 'Only a member who was transferred out can be transferred in'),
  destinationRequired: t('请填写去向', 'Give the destination'),
  alreadyFlowing: t('该党员已是流动党员', 'This member is already registered as flowing'),
  notFlowing: t('该党员不是流动党员', 'This member is not registered as flowing'),
  alreadyLost: t('该党员已登记为失联', 'This member is already registered as lost contact'),
  notLost: t('该党员未登记为失联', 'This member is not registered as lost contact'),
  alreadySuspended: t('该党员已停止党籍', "This member's membership is already suspended"),
  notSuspended: t('该党员未被停止党籍', "This member's membership is not suspended"),
  leftKindRequired: t('请选择出党方式', 'Choose how the member left'),
  // Organizations: structure, units, committees, venues
  orgMoveIntoSubtree: t(
    '不能把组织调整到它自己或它的下级组织之下',
    'An organization cannot be moved under itself or one of its own sub-organizations',
  ),
  orgAlreadyUnderParent: t('该组织已在所选上级组织之下', 'The organization is already under this parent'),
  orgRootFixed: t('最高层组织不能调整、合并或撤销', 'The top organization cannot be moved, merged or dissolved'),
  orgMergeIntoSelf: t(
    '不能合并到自身或自己的下级组织',
    'An organization cannot be merged into itself or its own sub-organization',
  ),
  orgHasActiveChildren: (n: number) =>
    t(
      `该组织还有 ${n} 个未撤销的下级组织，请先调整或撤销`,
      `The organization still has ${n} active sub-organizations; move or dissolve them first`,
    ),
  orgHasActiveMembers: (n: number) =>
    t(`该组织还有 ${n} 名在册党员，请先转接`, `The organization still has ${n} members on its roll; move them first`),
  orgDissolved: (name: string) => t(`“${name}”已撤销`, `“${name}” has been dissolved`),
  orgDissolveFuture: t('撤销日期不能晚于今天', 'The dissolution date cannot be later than today'),
  mergeMembersHaveLaterEvents: (n: number) =>
    t(
      `有 ${n} 名党员在该日期之后还有记录，合并日期不能早于他们的最近一条记录`,
      `${n} members have records after this date; the merge date cannot precede their latest record`,
    ),
  restructureDateFuture: t('日期不能晚于今天', 'The date cannot be later than today'),
  mergeMembersNeedBranch: t(
    '被合并组织还有党员，只能并入党支部（含联合党支部、临时党支部）',
    'The organization still has members, so it can only be merged into a branch (including joint and temporary branches)',
  ),
  onlyForTemporaryBranch: t(
    '只有临时党支部填写所属项目和项目结束日期',
    'Only temporary branches have a project and a project end date',
  ),
  temporaryNoElections: t(
    '临时党支部不进行换届选举，书记和委员由批准其成立的党组织指定',
    'Temporary branches hold no elections; their secretary and members are appointed by the approving organization',
  ),
  partyGroupNoCommittee: t('党小组不设委员会，不进行换届选举', 'Party groups have no committee and hold no elections'),
  noTermRule: t('没有适用于该组织类型和领域的任期规则', 'No term rule applies to this organization type and domain'),
  electedBeforeCurrent: (date: string) =>
    t(`新一届的当选日期须晚于当届的当选日期（${date}）`, `A new term must be elected after the current one (${date})`),
  termNumberTaken: (n: number) => t(`第 ${n} 届已存在`, `Term ${n} already exists`),
  committeeMemberNameRequired: t('请填写姓名或选择党员', 'Give a name or choose a member'),
  committeeMemberOutOfOrg: t(
    '只能选择本组织（含下级）的党员',
    'Choose a member of this organization or its sub-organizations',
  ),
  unitLimitExceeded: (max: number, type: string) =>
    max === 0
      ? t(`${type}不关联单位`, `A ${type} is not linked to units`)
      : t(`${type}最多关联 ${max} 个单位`, `A ${type} can be linked to at most ${max} units`),
  unitNotFound: t('单位不存在或不在您的管理范围内', 'No such unit inside your scope'),
  unitInUse: (n: number) =>
    t(
      `该单位还关联着 ${n} 个党组织，请先解除关联`,
      `The unit is still linked to ${n} party organizations; unlink them first`,
    ),
  creditCodeChecksum: t(
    '统一社会信用代码校验位不正确，请核对',
    'The unified social credit code check character is wrong; please check the code',
  ),
  creditCodeTaken: (code: string) => t(`统一社会信用代码 ${code} 已登记`, `Credit code ${code} is already recorded`),
  employeesUnder35TooMany: t(
    '35岁以下职工数不能超过在岗职工数',
    'Employees under 35 cannot exceed the number of employees',
  ),
  ownerOrgOutOfScope: t('只能选择自己管理范围内的组织', 'Choose an organization inside your own scope'),
  // Transfers (组织关系转接) and warnings
  transferMemberRequired: t('请选择要转接的党员', 'Choose the member to transfer'),
  transferMemberNotFound: t('党员不存在或不在您的管理范围内', 'No such member inside your scope'),
  transferTargetNotFound: t('接收党支部不存在', 'No such receiving branch'),
  transferOtherZone: t('接收党支部不在本开发区', 'The receiving branch is not in this zone'),
  transferSourceRequired: t('请填写转出党组织全称', 'Give the full name of the sending organization'),
  transferDuesRequired: t(
    '转出开发区须填写党费交至年月',
    'A transfer out of the zone needs the month dues are paid until',
  ),
  transferLetterTooLong: (max: number) =>
    t(`介绍信有效期不能超过 ${max} 天`, `A letter can be valid for at most ${max} days`),
  transferIncomingRequired: t(
    '请选择曾转出的党员，或填写转入人员的党员信息',
    'Choose a member who was transferred out earlier, or give the arriving person’s member record',
  ),
  transferIncomingBoth: t('党员和党员信息只能填写其一', 'Give either a member or a member record, not both'),
  transferInProgress: t('该党员已有办理中的转接', 'This member already has a transfer in progress'),
  transferNotPending: t('该转接已办结，不能再办理此操作', 'This transfer is closed; this can no longer be done'),
  transferAlreadyApproved: t(
    '该转接已有审批通过的环节，不能撤回',
    'A step of this transfer has already been approved; it cannot be revoked',
  ),
  transferNoLetter: t(
    '该转接没有开具组织关系介绍信（仅转出开发区的转接在审批完成后开具）',
    'No introduction letter was issued for this transfer (only transfers out of the zone get one, once approved)',
  ),
  transferReceiptRecorded: t('回执已登记', 'The receipt has already been recorded'),
  transferDateBeforeRequest: t('日期不能早于申请日期', 'The date cannot precede the request date'),
  transferReceiptBeforeLetter: t('回执日期不能早于介绍信开具日期', 'The receipt cannot precede the letter'),
  transferNoChain: t('无法根据两个组织计算审批流程', 'No approval chain can be computed between these organizations'),
  // 双报到 (community service)
  communityNotFound: t('请选择本开发区的社区党组织', 'Choose a community party organization of the zone'),
  communityMemberNotFound: t('党员不存在或不在您的管理范围内', 'No such member inside your scope'),
  communityMemberNotInService: t(
    '只有在职党员（机关、企业、社会组织党员）需要到社区报到',
    'Only in-service members (of agencies, enterprises and social organizations) report to a community',
  ),
  communityOrgNotFound: t('党组织不存在或不在您的管理范围内', 'No such organization inside your scope'),
  communityOrgIsCommunity: t('社区党组织不需要向社区报到', 'A community organization does not report to a community'),
  communityReportExists: t('已在该社区报到，请勿重复报到', 'Already registered with this community'),
  communityMemberReportExists: t(
    '该党员已有报到中的社区，请先撤销原报到',
    'This member is registered with a community already; withdraw that registration first',
  ),
  communityReportWithdrawn: t('该报到已撤销', 'This registration has been withdrawn'),
  communityNotRegistered: t('您尚未到社区报到', 'You have not registered with a community'),
  communityNeedNotOpen: t('该需求已满员或已结束', 'This need is full or closed'),
  communityNeedClosed: t('该需求已结束', 'This need is closed'),
  communityAlreadyClaimed: t('您已认领该需求', 'You have claimed this need already'),
  communityClaimState: t('当前状态下不能执行此操作', 'This cannot be done in the current state'),
  communitySideOnly: t('此操作须由社区党组织办理', 'Only the community party organization can do this'),
  communityDateBeforeReport: t('日期不能早于报到日期', 'The date cannot precede the registration'),
  // 拆分 and 项目结束 (organization restructuring)
  splitParentOutOfScope: t(
    '拆分出的组织设在本组织的上级之下，您没有调整上级组织的权限',
    'The new organizations sit under the parent organization, which is outside your scope',
  ),
  splitTargetMissing: (n: number) => t(`请选择第 1–${n} 个新组织之一`, `Choose one of the new organizations 1–${n}`),
  splitNotAChild: t(
    '不是本组织未撤销的直属下级组织，或已重复选择',
    'Not an active direct sub-organization of this organization, or chosen twice',
  ),
  splitNotAMember: t('不是本组织的在册党员，或已重复选择', 'Not a member on this organization’s roll, or chosen twice'),
  splitMembersNeedBranch: t(
    '党员只能分入党支部（含联合党支部、临时党支部）',
    'Members can only go to a branch (including joint and temporary branches)',
  ),
  splitNothingMoved: t(
    '请至少选择一名党员或一个下级组织分入新组织',
    'Choose at least one member or sub-organization to move',
  ),
  splitLeavesChildren: (n: number) =>
    t(
      `拆分后撤销原组织，须分配全部下级组织，还有 ${n} 个未分配`,
      `To dissolve the organization after the split every sub-organization must be placed; ${n} are not`,
    ),
  splitLeavesMembers: (n: number) =>
    t(
      `拆分后撤销原组织，须分配全部党员，还有 ${n} 名未分配`,
      `To dissolve the organization after the split every member must be placed; ${n} are not`,
    ),
  projectEndOnlyTemporary: t('只有临时党支部可以办理项目结束', 'Only a temporary branch can end its project'),
  projectEndUnplaced: (n: number) =>
    t(
      `有 ${n} 名党员没有可回的原党支部，请选择接收他们的党支部`,
      `${n} members have no home branch to return to; choose a branch for them`,
    ),
  projectEndReturnToBranch: t(
    '请选择一个党支部（含联合党支部，不含临时党支部）',
    'Choose a branch (a joint branch is fine, a temporary branch is not)',
  ),
  approvedByNotAncestor: t(
    '批准组织须为该临时党支部的上级党组织',
    'The approving organization must be a superior of the temporary branch',
  ),
  // Excel import and export (导入导出)
  importNoFile: t('请上传 Excel（.xlsx）文件', 'Upload an Excel (.xlsx) file'),
  importNotXlsx: t(
    '文件不是有效的 Excel（.xlsx）工作簿；请用下载的模板填写后另存为 .xlsx',
    'The file is not a valid Excel (.xlsx) workbook; fill in the downloaded template and save it as .xlsx',
  ),
  importMissingColumns: (cols: string, colsEn: string) =>
    t(
      `表头缺少必填列：${cols}；请使用下载的模板`,
      `Required columns are missing: ${colsEn}; use the downloaded template`,
    ),
  importNoRows: t('表中没有数据行', 'The sheet has no data rows'),
  importTooManyRows: (max: number) =>
    t(`一次最多导入 ${max} 行，请拆分文件`, `At most ${max} rows can be imported at once; split the file`),
  importRefused: (n: number) =>
    t(
      `有 ${n} 行有误，未导入任何数据；请修改后重新导入，或选择“仅导入正确行”`,
      `${n} rows have errors, so nothing was imported; correct them and import again, or choose “import valid rows only”`,
    ),
  importFailed: t(
    '导入失败，未写入任何数据；请稍后重试或联系管理员',
    'The import failed and nothing was written; try again later or contact an administrator',
  ),
  importRequired: t('必填', 'Required'),
  importBadDate: t('日期格式应为 YYYY-MM-DD', 'Dates are written YYYY-MM-DD'),
  importBadNumber: t('应为数字', 'A number is expected'),
  importNotInList: t(
    '不是可选的值，请从下拉列表中选择',
    'Not one of the allowed values; choose from the drop-down list',
  ),
  importIdNumberAsNumber: t(
    '公民身份号码被存成了数字，末几位已丢失；请把该列设为文本格式后重新填写',
    'The ID number was stored as a number and lost its last digits; format the column as text and enter it again',
  ),
  importDuplicateInFile: (row: number) => t(`与第 ${row} 行重复`, `Duplicates row ${row}`),
  importBranchUnknown: (name: string) => t(`找不到党支部“${name}”`, `No branch named “${name}”`),
  importBranchCodeUnknown: (code: string) => t(`找不到编码为 ${code} 的党支部`, `No branch with code ${code}`),
  importBranchAmbiguous: (name: string) =>
    t(
      `有多个名为“${name}”的党组织，请填写党支部组织编码`,
      `Several organizations are named “${name}”; give the branch code`,
    ),
  importLifecycleDiffers: (col: string, colEn: string) =>
    t(
      `与系统中该党员的“${col}”不一致；组织关系、人员类别等变化请在系统中办理（转接、转正等）`,
      `Differs from the member’s “${colEn}” on record; changes of branch, category and the like are recorded in the system (transfer, conversion …)`,
    ),
  importSuspendedNew: t(
    '停止党籍须在系统中登记，导入新党员时请填写“正常”',
    'A suspension is recorded in the system; new members are imported as normal',
  ),
  importLostSinceRequired: t('失联党员须填写失去联系日期', 'Give the date contact was lost'),
  importFlowRequired: t('流动党员须填写外出流向和外出日期', 'Give the destination and the date of leaving'),
  importMemberNotActive: t(
    '该公民身份号码对应的党员已不在册（已转出、出党或去世），不能通过导入修改',
    'The member with this ID number is no longer on the roll (transferred out, left or died) and cannot be changed by an import',
  ),
  importParentUnknown: (code: string) =>
    t(
      `找不到编码为 ${code} 的上级党组织（须为系统中已有的，或本表中排在前面的行）`,
      `No parent organization with code ${code} (it must be on record or in an earlier row of this sheet)`,
    ),
  importParentOutOfScope: t('上级党组织不在您的管理范围内', 'The parent organization is outside your scope'),
  importOrgTypeChange: t('组织类别不能通过导入修改', 'The type of an organization cannot be changed by an import'),
  importOrgParentChange: t(
    '上级党组织不能通过导入调整，请使用“组织调整”',
    'The parent cannot be changed by an import; use “restructure”',
  ),
  importOrgRootChange: t('最高层组织不能通过导入修改', 'The top organization cannot be changed by an import'),
  memberLinkNotFound: t('党员不存在或不在您的管理范围内', 'No such member inside your scope'),
  memberAlreadyLinked: t('该党员已关联登录账号', 'This member already has a login account'),
  nullCharacter: t('内容包含不允许的控制字符', 'The text contains a forbidden control character'),
  // Uploads (file store)
  uploadNotMultipart: t('请以 multipart/form-data 方式上传文件', 'Upload the file as multipart/form-data'),
  uploadFileRequired: t('请选择要上传的文件', 'Choose a file to upload'),
  uploadBroken: t('上传的内容不完整或格式有误', 'The upload is incomplete or malformed'),
  uploadEmpty: t('文件是空的', 'The file is empty'),
  uploadTooLarge: (bytes: number) =>
    t(
      `文件不能超过 ${Math.floor(bytes / 1024 / 1024) || (bytes / 1024 / 1024).toFixed(2)} MB`,
      `Files can be at most ${Math.floor(bytes / 1024 / 1024) || (bytes / 1024 / 1024).toFixed(2)} MB`,
    ),
  uploadTypeNotAllowed: (list: string) =>
    t(`只能上传以下类型的文件：${list}`, `Only these file types can be uploaded: ${list}`),
  uploadExtensionMismatch: t(
    '文件内容与扩展名不符，请检查文件',
    'The file content does not match its extension; please check the file',
  ),
  // Recruitment (发展党员)
  recruitmentTemporaryBranch: t(
    '临时党支部一般不发展党员（《中国共产党支部工作条例（试行）》），请向所在单位的党支部申请',
    'Temporary branches do not recruit members (Regulations on Party Branch Work); apply to the branch of the applicant’s own unit',
  ),
  recruitmentOrgNotBranch: t(
    '入党申请须向党支部（含联合党支部）提出',
    'Applications are made to a branch (including joint branches)',
  ),
  recruitmentInProgress: t(
    '该申请人已有办理中的发展党员记录',
    'This applicant already has a recruitment case in progress',
  ),
  recruitmentAlreadyMember: t('该公民身份号码已登记为党员', 'A member with this ID number is already recorded'),
  recruitmentClosed: t('该发展党员记录已办结，不能再办理此操作', 'This case is closed; this can no longer be done'),
  recruitmentUpperStep: (step: string) =>
    t(
      `“${step}”须由上级党委（有审批权的基层党委）办理`,
      `“${step}” is done by the upper party committee that approves recruitment`,
    ),
  recruitmentGateWarning: t(
    '该步骤不符合以下时限或顺序要求；如确需办理，请填写情况说明后再提交',
    'This step breaks the time limits or order below; to record it anyway, give the reason and submit again',
  ),
  recruitmentMemberExists: t(
    '已接收为预备党员，此前的步骤不能再修改，请在党员档案中更正',
    'The member record exists; earlier steps can no longer be changed here — correct the member record instead',
  ),
  recruitmentStepRecorded: t(
    '该步骤已登记并已据此生成党员记录，不能重复登记',
    'This step already created member records and cannot be recorded again',
  ),
  recruitmentCancelAfterAdmission: t(
    '已接收为预备党员，不能终止；如取消预备党员资格，请使用“不予通过/取消资格”',
    'The applicant is already a probationary member; use “reject / cancel qualification” instead',
  ),
  recruitmentPersonNotFound: t('所选党员不存在', 'No such member'),
  recruitmentApprovingOrg: t(
    '审批组织须为该党支部或其上级组织',
    'The approving organization must be the branch or one above it',
  ),
  recruitmentMaterialKind: t('请选择材料类型', 'Choose the kind of material'),
  recruitmentMaterialStep: t('步骤应为 1–25', 'The step must be 1–25'),
  extensionNotProbationary: t(
    '只有已接收、尚未批准转正的预备党员才能延长预备期',
    'Only a probationary member not yet approved for full membership can have the probation extended',
  ),
  extensionOnce: t('预备期只能延长一次', 'A probation can be extended only once'),
  extensionMonths: t('延长预备期为 6–12 个月', 'An extension is 6 to 12 months'),
  extensionBeforeJoin: t(
    '日期不能早于支部大会通过之日',
    'The date cannot precede the general meeting that admitted the member',
  ),
  recruitmentGate: {
    date_in_future: t('日期不能晚于今天', 'The date cannot be later than today'),
    date_order: t('日期须在前后步骤的日期之间', 'The date must lie between the dates of the steps before and after'),
    too_young: t('递交入党申请书时须年满 18 周岁', 'Applicants must be at least 18 on the application date'),
    needs_general_meeting: t(
      '须先登记“支部大会讨论”（步骤 15），入党日期以其通过之日为准',
      'Record the general meeting (step 15) first: it dates the admission',
    ),
    needs_member: t(
      '须先经上级党委审批接收为预备党员（步骤 17）',
      'The upper committee must first admit the applicant as probationary (step 17)',
    ),
    contacts_not_full_members: t(
      '培养联系人须为在册、党籍正常的正式党员',
      'Contacts must be full members on the roll in good standing',
    ),
    introducers_not_full_members: t(
      '入党介绍人须为在册、党籍正常的正式党员（预备党员、受留党察看处分未恢复党员权利者不能担任）',
      'Introducers must be full members on the roll in good standing (not probationary, not under probation within the Party)',
    ),
    votes_inconsistent: t(
      '表决票数有误：赞成、反对、弃权之和不能超过实到人数，实到不能超过应到',
      'The vote counts do not add up: votes cast cannot exceed those present, present cannot exceed eligible',
    ),
    votes_no_quorum: t(
      '有表决权的到会人数须超过应到会有表决权党员的半数',
      'More than half of the eligible full members must be present to vote',
    ),
    approval_expired: t(
      '支部大会通过已超过 6 个月，须重新提交支部大会讨论',
      'More than 6 months have passed since the general meeting; it must discuss the case again',
    ),
    probation_not_over: t(
      '预备期未满，不能批准转正',
      'The probation is not over; full membership cannot be approved yet',
    ),
    publicity_dates: t('公示结束日期不能早于开始日期', 'Publicity cannot end before it starts'),
    people_required: t(
      '请选择本步骤的人员（谈话人 / 培养联系人 1–2 名 / 入党介绍人 2 名）',
      'Name the people of this step (talker / 1–2 contacts / 2 introducers)',
    ),
    approval_required: t('请填写审批（审查）结果', 'Give the decision of this step'),
  },
} as const;

export function pick(text: LocalizedText | string, locale: Locale): string {
  return typeof text === 'string' ? text : text[locale];
}

const FIELD_ISSUES: Record<string, (p: Record<string, unknown>) => LocalizedText> = {
  invalid_type: (p) =>
    p.input === undefined && (typeof p.zodMessage !== 'string' || p.zodMessage.endsWith('received undefined'))
      ? t('必填', 'Required')
      : t(`类型错误，应为 ${String(p.expected)}`, `Wrong type; expected ${String(p.expected)}`),
  too_small: (p) =>
    p.origin === 'string'
      ? t(`至少 ${String(p.minimum)} 个字符`, `At least ${String(p.minimum)} characters`)
      : p.origin === 'array'
        ? t(`至少 ${String(p.minimum)} 项`, `At least ${String(p.minimum)} items`)
        : t(`不能小于 ${String(p.minimum)}`, `Must be at least ${String(p.minimum)}`),
  too_big: (p) =>
    p.origin === 'string'
      ? t(`最多 ${String(p.maximum)} 个字符`, `At most ${String(p.maximum)} characters`)
      : p.origin === 'array'
        ? t(`最多 ${String(p.maximum)} 项`, `At most ${String(p.maximum)} items`)
        : t(`不能大于 ${String(p.maximum)}`, `Must be at most ${String(p.maximum)}`),
  invalid_format: (p) => t(`格式不正确（${String(p.format)}）`, `Invalid format (${String(p.format)})`),
  invalid_value: (p) =>
    t(
      `取值无效，可选值：${Array.isArray(p.values) ? p.values.join('、') : ''}`,
      `Invalid value; allowed: ${Array.isArray(p.values) ? p.values.join(', ') : ''}`,
    ),
  unrecognized_keys: (p) =>
    t(
      `不认识的字段：${Array.isArray(p.keys) ? p.keys.join('、') : ''}`,
      `Unknown fields: ${Array.isArray(p.keys) ? p.keys.join(', ') : ''}`,
    ),
  not_multiple_of: () => t('数值不符合要求', 'Invalid number'),
  invalid_union: () => t('取值无效', 'Invalid value'),
  invalid_key: () => t('字段名无效', 'Invalid key'),
  invalid_element: () => t('元素无效', 'Invalid element'),
  // A schema's own check may carry its message as "中文 / English"; anything else gets the generic text.
  custom: (p) => {
    const bilingual = typeof p.zodMessage === 'string' ? /^(.+?) \/ (.+)$/.exec(p.zodMessage) : null;
    return bilingual ? t(bilingual[1]!, bilingual[2]!) : t('取值无效', 'Invalid value');
  },
};

export function fieldIssueText(code: string, params: Record<string, unknown>, locale: Locale): string {
  const f = FIELD_ISSUES[code] ?? FIELD_ISSUES.custom!;
  return f(params)[locale];
}
