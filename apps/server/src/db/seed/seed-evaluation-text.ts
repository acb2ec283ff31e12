import type { Random } from './random.js';

/** Texts of the 述职评议 and 民主评议 demo: reports, 点评, 整改 items, self-assessments, 互评 summaries. */

const REPORT_OPENINGS = [
  '一年来，在上级党委的坚强领导下，我认真履行党建工作第一责任人职责，坚持把抓好党建作为最大政绩。',
  '今年以来，本支部坚持以习近平新时代中国特色社会主义思想为指导，围绕生产经营中心任务抓党建、促发展。',
  '按照年度党建工作要点，我把党建工作与业务工作同谋划、同部署、同考核，现将履职情况报告如下。',
];
const REPORT_DONE = [
  '严格落实“三会一课”制度，全年召开支委会12次、党员大会4次，讲党课2次。',
  '开展“党员先锋岗”创建，设立党员责任区6个，党员在安全生产、技术攻关中发挥了带头作用。',
  '组织党员参加“双报到”志愿服务，累计服务时长300余小时。',
  '规范发展党员程序，全年培养入党积极分子3名、发展党员1名。',
  '坚持主题党日制度，每月固定开展集中学习和志愿服务。',
];
const REPORT_GAPS = [
  '存在的不足：理论学习的系统性还不够，党建与业务融合的办法不多。',
  '存在的不足：对年轻党员的教育管理创新不够，部分党员作用发挥不明显。',
  '存在的不足：组织生活质量有待提升，批评与自我批评辣味不足。',
];
const REPORT_PLANS = [
  '下一步，我将带头加强学习，推动党建工作与生产经营深度融合，切实把党建优势转化为发展优势。',
  '明年将重点抓好支部标准化规范化建设，健全党员积分管理，持续提升组织力。',
];

export function reportText(rnd: Random, orgName: string): string {
  return [
    `${orgName}书记抓党建工作述职报告`,
    rnd.pick(REPORT_OPENINGS),
    `一、主要工作：${rnd.pick(REPORT_DONE)}${rnd.pick(REPORT_DONE)}`,
    `二、${rnd.pick(REPORT_GAPS)}`,
    `三、${rnd.pick(REPORT_PLANS)}`,
  ].join('\n');
}

const COMMENTS_GOOD = [
  '履行第一责任人职责到位，组织生活规范，党建品牌有特色，党员群众满意度高。希望继续发挥示范作用。',
  '抓党建促发展成效明显，党员先锋作用突出。希望在党建与业务融合上形成更多可复制的经验。',
];
const COMMENTS_FAIR = [
  '能够落实党建工作责任，基础工作比较扎实，但创新不足、亮点不多。要在提升组织生活质量上下功夫。',
  '支部工作总体规范，但对党员的日常教育管理抓得不够细，要进一步压实支委责任。',
];
const COMMENTS_WEAK = ['抓党建的主动性不强，“三会一课”落实不到位，党员群众满意度偏低。要认真对照问题清单抓好整改。'];

export function commentText(rnd: Random, grade: string | null): string {
  if (grade === 'good') return rnd.pick(COMMENTS_GOOD);
  if (grade === 'fairly_good') return rnd.pick(COMMENTS_FAIR);
  return rnd.pick(COMMENTS_WEAK);
}

export const RECTIFICATIONS: { problem: string; measure: string; closing: string }[] = [
  {
    problem: '“三会一课”记录不规范，部分支委会缺少会议纪要',
    measure: '统一使用组织生活记录本，每次会议由组织委员当场记录，会后三日内上传纪要',
    closing: '已补齐全年会议纪要，建立纪要上传台账，上级党委抽查合格',
  },
  {
    problem: '青年党员参加主题党日比例偏低',
    measure: '结合轮班安排调整主题党日时间，开设线上学习专栏，开展青年党员结对',
    closing: '调整后连续三个月青年党员参加率超过85%',
  },
  {
    problem: '党员先锋岗作用发挥不明显，责任区划分不清',
    measure: '重新划定党员责任区并挂牌公示，每季度开展先锋岗评比',
    closing: '完成责任区划定和挂牌，开展季度评比两次',
  },
  {
    problem: '发展党员工作推进缓慢，入党积极分子培养不足',
    measure: '制定三年发展党员规划，确定培养联系人，每季度考察一次',
    closing: '确定入党积极分子2名，建立培养考察档案',
  },
  {
    problem: '党建与生产经营融合不够，缺少党建品牌',
    measure: '围绕安全生产和技术攻关创建“党员攻关队”，培育支部党建品牌',
    closing: '“党员攻关队”完成技改项目1项，品牌材料报党委备案',
  },
  {
    problem: '党费收缴存在拖欠现象',
    measure: '建立党费按月收缴提醒制度，支部书记逐人谈话',
    closing: '欠缴党费已全部补交，按月收缴台账完整',
  },
];

const SELF = [
  '本年度认真学习党的创新理论，按时参加组织生活，按月交纳党费，在本职岗位上完成各项工作任务。不足是学习深度不够，今后要加强理论学习。',
  '一年来能够遵守党的纪律，积极参加主题党日和志愿服务活动，在生产中发挥了党员带头作用。对照党员标准，在联系群众方面还有差距。',
  '坚持政治理论学习，认真完成岗位职责，参加双报到社区服务。存在的问题是工作创新意识不强，今后加以改进。',
  '能够按时参加“三会一课”，积极完成支部交办的任务，团结同事。需要在钻研业务、提高技能方面进一步努力。',
];
const PEER = [
  '同志们认为其工作积极主动，能够起到模范带头作用；建议在理论学习上再深入一些。',
  '大家评价其为人踏实、团结同志；希望在参加组织生活方面更加主动。',
  '互评中党员认为其岗位业务突出；建议今后多参加志愿服务活动。',
];

export const selfAssessmentText = (rnd: Random) => rnd.pick(SELF);
export const peerSummaryText = (rnd: Random) => rnd.pick(PEER);
