import type { OrgDomain } from '@red-engine/shared';
import type { Random } from './random.js';

/** Words for the demo's 组织生活 records: titles, agendas, minutes, leave and make-up reasons. */

export const QUARTER_ZH = ['一', '二', '三', '四'] as const;

/** 主题党日 topics by calendar month, following the year's commemorations and the zone's work. */
const MONTH_TOPICS: Record<number, string[]> = {
  1: ['学习贯彻新修订的《中国共产党纪律处分条例》', '开展新春走访慰问困难党员活动', '回顾总结上年度支部工作'],
  2: ['学习习近平总书记关于安全生产的重要论述', '开展"节后收心"安全警示教育', '学习《中国共产党支部工作条例（试行）》'],
  3: ['弘扬雷锋精神 争当志愿先锋', '学习全国两会精神', '开展"三八"妇女节关爱女职工活动'],
  4: ['清明祭英烈 传承红色基因', '全民国家安全教育日专题学习', '开展党风廉政建设警示教育'],
  5: ['弘扬劳模精神和工匠精神', '五四青年节 青春献礼新时代', '学习《中国共产党党员教育管理工作条例》'],
  6: ['"安全生产月"人人讲安全、个个会应急', '迎"七一"重温入党誓词', '开展党员先锋岗评比'],
  7: ['庆祝中国共产党成立{party}周年', '重温入党誓词 不忘初心使命', '表彰优秀共产党员和先进党组织'],
  8: ['八一建军节 传承拥军优属光荣传统', '铸牢中华民族共同体意识专题学习', '学习习近平生态文明思想'],
  9: ['铸牢中华民族共同体意识 民族团结一家亲', '纪念中国人民抗日战争胜利纪念日', '学习《中国共产党廉洁自律准则》'],
  10: ['喜迎国庆 礼赞祖国', '重阳敬老 走访慰问老党员', '学习习近平总书记考察内蒙古重要讲话精神'],
  11: ['冬季消防安全专题学习', '"两个确立"专题研讨', '学习《中国共产党章程》'],
  12: ['国家宪法日 学习宪法 尊崇宪法', '纪念毛泽东同志诞辰{mao}周年', '年终总结 查摆问题'],
};

const LECTURE_TOPICS = [
  '筑牢信仰之基 补足精神之钙',
  '做一名新时代合格共产党员',
  '以铸牢中华民族共同体意识为主线做好民族团结工作',
  '坚守安全红线 守护生命底线',
  '严守纪律规矩 永葆清廉本色',
  '从党史中汲取奋进力量',
  '以高质量党建引领高质量发展',
  '践行宗旨 做好新时代群众工作',
  '发扬斗争精神 增强斗争本领',
  '学思想 强党性 重实践 建新功',
];

const COMMITTEE_ITEMS = [
  '研究部署本月党建重点工作',
  '研究发展党员工作',
  '研究党员教育培训计划',
  '研究党费收缴使用情况',
  '研究"我为群众办实事"项目清单',
  '研究党员积分管理考评',
  '研究支部标准化规范化建设',
  '研究困难党员帮扶事宜',
  '研究意识形态工作',
  '研究党风廉政建设工作',
];

const GENERAL_ITEMS = [
  '通报支部工作 收缴党费',
  '讨论接收预备党员',
  '讨论预备党员转正',
  '推选优秀共产党员',
  '通报上半年支部工作',
  '讨论确定入党积极分子',
];

const GROUP_TOPICS = [
  '学习上级文件精神',
  '交流学习心得',
  '开展批评与自我批评',
  '讨论落实支部工作安排',
  '学习党章党规',
  '结合岗位谈作用发挥',
];

const VOLUNTEER = [
  '"我为群众办实事"志愿服务',
  '社区环境卫生整治志愿服务',
  '文明交通劝导志愿服务',
  '走访慰问困难群众',
  '关爱困难职工志愿服务',
  '"敲门行动"入户宣传',
];
const STUDY = ['党的创新理论读书班', '安全生产专题讲座', '反电信诈骗知识讲座', '网络安全知识培训', '党务干部业务培训'];
const CULTURE = [
  '庆"七一"红歌会',
  '党员职工趣味运动会',
  '"书香党支部"读书分享会',
  '重走红色足迹徒步活动',
  '迎新春书法进社区',
];
const JOINT = [
  '社区与驻区单位党组织共驻共建',
  '党建引领基层治理联建共建',
  '"红色物业"协同服务',
  '园区党建联盟工作推进',
];

export const LEAVE_REASONS = [
  '出差在外',
  '单位值班',
  '倒班（夜班），无法参加',
  '身体不适，就医',
  '参加上级组织的培训',
  '家中有事',
  '照顾生病家属',
  '外出办事，已与支部报备',
];
export const FLOW_LEAVE_REASON = '流动在外，已向支部报备，返回后补学';
export const REJECT_NOTES = [
  '本次会议涉及表决事项，请调整安排参加',
  '请假理由不充分，请按时参加',
  '值班可与同事协调，请参加会议',
];
export const APPROVE_NOTES = ['同意，请会后及时补学', '同意', '同意，注意身体'];
export const MAKEUP_REASONS = [
  '外出学习返回后补学补签',
  '出差返回后补学会议内容补签',
  '因倒班未能参会，会后补学补签',
  '因病未能参会，病愈后补学补签',
];
export const CANCEL_REASONS = [
  '因上级临时安排集中培训，本次活动延期举行',
  '因防汛值班任务，会议延期召开',
  '主讲人临时出差，改期举行',
  '因疫情防控要求，活动改期',
];

const FOCUS: Record<OrgDomain, string> = {
  government: '优化营商环境、服务园区企业',
  community: '基层治理和为民服务',
  village: '乡村振兴和牧区发展',
  social_organization: '行业自律和服务会员企业',
  private_enterprise: '安全生产和提质增效',
  state_enterprise: '安全生产和提质增效',
};

export const focusFor = (domain: OrgDomain) => FOCUS[domain];

const fill = (s: string, year: number) =>
  s.replace('{party}', String(year - 1921)).replace('{mao}', String(year - 1893));

export function themeTopic(rnd: Random, year: number, month: number) {
  return fill(rnd.pick(MONTH_TOPICS[month]!), year);
}
export const lectureTopic = (rnd: Random) => rnd.pick(LECTURE_TOPICS);
export const committeeItem = (rnd: Random) => rnd.pick(COMMITTEE_ITEMS);
export const generalItem = (rnd: Random) => rnd.pick(GENERAL_ITEMS);
export const groupTopic = (rnd: Random) => rnd.pick(GROUP_TOPICS);
export const jointTopic = (rnd: Random) => rnd.pick(JOINT);
export function activityTitle(rnd: Random, code: 'volunteer' | 'study' | 'culture') {
  return rnd.pick(code === 'volunteer' ? VOLUNTEER : code === 'study' ? STUDY : CULTURE);
}

export type MinutesInput = {
  typeCodes: string[];
  topic: string;
  host: string;
  recorder: string;
  expected: number;
  present: number;
  onLeave: number;
  focus: string;
};

/** A short 会议记录 matching the meeting's kind and its attendance. */
export function minutesFor(rnd: Random, m: MinutesInput): string {
  const head = `会议由${m.host}主持，${m.recorder}记录。应到${m.expected}人，实到${m.present}人${
    m.onLeave ? `，请假${m.onLeave}人` : ''
  }。`;
  const speakers = Math.max(1, Math.min(m.present - 1, rnd.int(2, 5)));
  const has = (c: string) => m.typeCodes.includes(c);
  const parts: string[] = [head];
  if (has('committee_meeting'))
    parts.push(`会议${m.topic}，逐项听取了各委员分管工作汇报，研究确定了下一步工作安排，明确了责任人和完成时限。`);
  else if (has('group_meeting'))
    parts.push(`小组成员围绕"${m.topic}"逐一发言，${speakers}名党员结合本职工作谈了认识和打算。`);
  else if (has('life_meeting'))
    parts.push(
      '会前支部广泛征求意见，开展了谈心谈话。会上支部书记代表支委会作对照检查，党员逐一开展批评与自我批评，并进行了民主评议和民主测评。',
    );
  else if (has('heart_talk')) parts.push('支委与党员逐一开展谈心谈话，听取了党员对支部工作的意见建议，梳理问题清单。');
  else if (has('joint_meeting'))
    parts.push(`参会各党组织围绕"${m.topic}"通报了共建项目进展，协商确定了下季度共建事项清单。`);
  else parts.push(`全体党员集中学习了"${m.topic}"相关内容，${speakers}名党员作了交流发言。`);
  if (has('general_meeting')) parts.push('会议通报了支部近期工作，收缴了党费，对有关事项进行了讨论表决。');
  if (has('party_lecture')) parts.push(`${m.host}以"${m.topic}"为题讲授专题党课。`);
  parts.push(`会议要求，要把学习成果转化为推动${m.focus}的实际成效。`);
  return parts.join('');
}

export function agendaFor(typeCodes: string[], topic: string): string {
  const has = (c: string) => typeCodes.includes(c);
  const items: string[] = [];
  if (has('theme_day')) items.push('集体重温入党誓词', `集中学习：${topic}`);
  if (has('general_meeting')) items.push('通报支部工作', '讨论表决有关事项', '收缴党费');
  if (has('party_lecture')) items.push(`专题党课：${topic}`);
  if (has('committee_meeting')) items.push(topic, '委员汇报分管工作', '研究下月工作');
  if (has('group_meeting')) items.push(`学习讨论：${topic}`, '党员交流发言');
  if (has('life_meeting')) items.push('通报上年度组织生活会整改情况', '支委会对照检查', '批评与自我批评');
  if (has('democratic_review')) items.push('个人自评、党员互评、民主测评');
  if (items.length === 0) items.push(topic, '交流发言', '总结讲评');
  return items.map((s, i) => `${i + 1}. ${s}`).join('\n');
}
