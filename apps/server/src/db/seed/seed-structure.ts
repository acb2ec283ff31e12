import {
  addMonths,
  type CommitteePosition,
  creditCodeCheckChar,
  DEFAULT_TERM_RULES,
  deriveTermYears,
  ELECTING_TYPES,
  type OrgDomain,
  type OrgType,
  termExpiry,
  todayInChina,
  type UnitKind,
} from '@red-engine/shared';
import type { AuditRecorder } from '../../core/transaction.js';
import type { DbOrTx } from '../client.js';
import { committeeMembers, committees, type organizations, orgUnits, units, venues } from '../schema/index.js';
import { GOVERNMENT_AGENCIES } from './demo-zone.js';
import { createRandom, type Random } from './random.js';

type OrgInsert = typeof organizations.$inferInsert;
type UnitInsert = typeof units.$inferInsert;
type CommitteeInsert = typeof committees.$inferInsert;
type SeatInsert = typeof committeeMembers.$inferInsert;
type VenueInsert = typeof venues.$inferInsert;

export type StructurePlan = {
  units: UnitInsert[];
  links: { orgId: string; unitId: string }[];
  committees: CommitteeInsert[];
  seats: SeatInsert[];
  venues: VenueInsert[];
};

const SEED = { id: null, name: 'seed' };
const ZONE = '鄂托克经济开发区';
const DIVISION = '150624'; // 鄂托克旗
const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙马胡朱郭何高林罗郑梁谢宋唐韩冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段'.split(
    '',
  );
const GIVEN = [
  '建国',
  '志强',
  '丽',
  '海军',
  '秀英',
  '晓东',
  '文静',
  '永红',
  '国庆',
  '春梅',
  '俊杰',
  '敏',
  '磊',
  '婷',
  '宏伟',
  '玉兰',
  '军',
  '燕',
  '涛',
  '霞',
  '明',
  '鹏飞',
  '桂芳',
  '立新',
];
const MONGOLIAN = [
  '巴特尔',
  '其木格',
  '乌云',
  '苏和',
  '斯琴',
  '额尔敦',
  '那仁',
  '萨仁',
  '宝音',
  '图雅',
  '哈斯',
  '朝鲁',
];
const STREETS = [
  '棋盘井大街',
  '新华路',
  '团结路',
  '民主路',
  '工业大道',
  '蒙西大街',
  '乌兰路',
  '阿尔巴斯街',
  '迎宾大道',
  '创业路',
];
const INDUSTRIES = [
  '化学原料和化学制品制造业',
  '非金属矿物制品业',
  '黑色金属冶炼和压延加工业',
  '电力、热力生产和供应业',
  '煤炭开采和洗选业',
  '道路运输业',
  '通用设备制造业',
  '生态保护和环境治理业',
];
const NAME_HEADS = [
  '恒泰',
  '瑞丰',
  '金源',
  '宏远',
  '鑫达',
  '中联',
  '广汇',
  '海通',
  '华鼎',
  '天成',
  '永盛',
  '正元',
  '汇丰',
  '新宇',
  '国泰',
  '聚能',
  '丰源',
  '荣盛',
  '博远',
  '润达',
];
const NAME_TAILS = ['化工', '建材', '物流', '煤业', '机械', '环保科技', '新能源', '冶金'];

const personName = (rnd: Random) =>
  rnd.next() < 0.18 ? rnd.pick(MONGOLIAN) : `${rnd.pick(SURNAMES)}${rnd.pick(GIVEN)}`;

/** A valid unified social credit code: registration code, division, GB 11714 organization code, GB 32100 check. */
function creditCode(rnd: Random, registration: string): string {
  const body = Array.from({ length: 8 }, () => String(rnd.int(0, 9))).join('');
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const c = 11 - (body.split('').reduce((s, d, i) => s + Number(d) * weights[i]!, 0) % 11);
  const orgCode = `${body}${c === 10 ? 'X' : c === 11 ? '0' : String(c)}`;
  const first17 = `${registration}${DIVISION}${orgCode}`;
  return first17 + creditCodeCheckChar(first17)!;
}

const shiftDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Terms of these organizations expire near today (days from today), so every warning level shows in the demo. */
const WARNING_OFFSETS: Record<string, number> = {
  'com-7': -75,
  'sme-3': -20,
  'gov-3': 10,
  'xingguang-2': 24,
  'dianye-4': 45,
  'joint-2': 70,
  'com-2': 85,
  'shuangxin-5': 100,
  'gov-8': 130,
  'soc-1': 165,
};

/** The enterprise unit running each construction project (its temporary branch sits in it). */
const PROJECT_UNITS: Record<string, string> = {
  'proj-1': 'shuangxin',
  'proj-2': 'dianye',
  'proj-3': 'junzheng',
  'proj-4': 'junzheng',
  'proj-5': 'xingguang',
  'proj-6': 'mengxi',
  'proj-7': 'sme-5',
  'proj-8': 'gov-5',
};

/**
 * Fills in the organization record fields of the demo rows (codes, founding, address, contact, unit situation) and
 * plans the units, links, committees and venues: 102 units (52 above designated size), terms expiring at every
 * warning level, and the five regional activity centers. Deterministic for a seed, relative to today for terms.
 */
export function planStructure(
  rows: OrgInsert[],
  byKey: Map<string, { id: string; path: string }>,
  seed: number,
  today = todayInChina(),
): StructurePlan {
  const rnd = createRandom(seed ^ 0x5eed5);
  const keyOf = new Map([...byKey].map(([k, v]) => [v.id, k]));
  const rowOf = (key: string) => rows.find((r) => r.id === byKey.get(key)!.id)!;
  const plan: StructurePlan = { units: [], links: [], committees: [], seats: [], venues: [] };
  const rootId = byKey.get('root')!.id;
  const unitByKey = new Map<string, string>();

  // ── Organization record fields ───────────────────────────────────────────────────────────────
  for (const [i, row] of rows.entries()) {
    const key = keyOf.get(row.id!);
    row.code = `${DIVISION}${String(i + 1).padStart(6, '0')}`;
    if (row.type === 'party_group') continue;
    const temporary = row.type === 'temporary_branch';
    const year = key === 'root' ? 2009 : temporary ? Number(today.slice(0, 4)) - rnd.int(0, 1) : rnd.int(2010, 2021);
    row.foundedOn = `${year}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`;
    if (row.foundedOn > today) row.foundedOn = shiftDays(today, -rnd.int(30, 200));
    row.foundingDocNo = key === 'root' ? '鄂托克旗委发〔2009〕21号' : `鄂开党工委发〔${year}〕${rnd.int(3, 98)}号`;
    row.address = `${ZONE}${rnd.pick(STREETS)}${rnd.int(1, 299)}号`;
    row.longitude = Math.round((106.98 + (rnd.next() - 0.5) * 0.12) * 1e6) / 1e6;
    row.latitude = Math.round((39.37 + (rnd.next() - 0.5) * 0.08) * 1e6) / 1e6;
    row.contactPerson = personName(rnd);
    row.contactPhone = `0477-62${String(rnd.int(0, 99_999)).padStart(5, '0')}`;
    if (temporary) {
      row.projectName = row.name.replace('临时党支部', '');
      row.temporaryUntil = addMonths(today, rnd.int(6, 20));
      // Set up with the approval of its parent, which appoints the secretary (DOMAIN-RULES §3.1).
      row.parentApprovedBy = row.parentId ?? null;
    }
    const parentKey = row.parentId ? keyOf.get(row.parentId) : undefined;
    row.unitSituation =
      row.type === 'joint_branch'
        ? 'joint'
        : parentKey && parentKey !== 'root' && parentKey !== 'gov' && parentKey !== 'community'
          ? 'same_as_parent'
          : key === 'root' || key === 'gov' || key === 'community'
            ? null
            : 'legal_entity';
  }

  // ── Units ────────────────────────────────────────────────────────────────────────────────────
  const addUnit = (
    u: Omit<UnitInsert, 'id' | 'ownerOrgId' | 'creditCode'> & { registration: string },
    linkKey: string | null,
  ) => {
    const { registration, ...fields } = u;
    const id = rnd.uuid();
    const ownerOrgId = linkKey ? byKey.get(linkKey)!.id : rootId;
    plan.units.push({ id, ownerOrgId, creditCode: creditCode(rnd, registration), ...fields });
    if (linkKey) {
      plan.links.push({ orgId: byKey.get(linkKey)!.id, unitId: id });
      unitByKey.set(linkKey, id);
    }
    return id;
  };
  const enterprise = (name: string, scale: 'large' | 'medium' | 'small' | 'micro', above: boolean) => {
    const employees =
      scale === 'large'
        ? rnd.int(1200, 5200)
        : scale === 'medium'
          ? rnd.int(300, 990)
          : scale === 'small'
            ? rnd.int(20, 290)
            : rnd.int(3, 19);
    return {
      registration: '91',
      name,
      kind: 'enterprise' as UnitKind,
      industry: rnd.pick(INDUSTRIES),
      economicType: scale === 'large' ? 'joint_stock' : rnd.pick(['private', 'limited_liability']),
      enterpriseScale: scale,
      aboveDesignatedSize: above,
      employees,
      employeesUnder35: Math.round(employees * (0.25 + rnd.next() * 0.3)),
      legalRepIsMember: rnd.next() < 0.45,
      address: `${ZONE}${rnd.pick(STREETS)}${rnd.int(1, 299)}号`,
    };
  };
  const bigNames: Record<string, string> = {
    dianye: '内蒙古鄂尔多斯电力冶金集团股份有限公司',
    xingguang: '内蒙古星光煤炭集团有限责任公司',
    shuangxin: '内蒙古双欣能源化工有限公司',
    mengxi: '内蒙古蒙西高新技术集团有限公司',
    junzheng: '内蒙古君正能源化工集团股份有限公司',
  };
  for (const [key, name] of Object.entries(bigNames)) addUnit(enterprise(name, 'large', true), key);
  for (let i = 1; i <= 15; i++) {
    const short = rowOf(`sme-${i}`).name.replace('公司党支部', '');
    addUnit(enterprise(`鄂托克旗${short}有限责任公司`, 'medium', true), `sme-${i}`);
  }
  const extraNames: string[] = [];
  for (let i = 0; extraNames.length < 58; i++) {
    const name = `鄂托克旗${NAME_HEADS[i % NAME_HEADS.length]}${NAME_TAILS[(i * 3 + Math.floor(i / NAME_HEADS.length)) % NAME_TAILS.length]}有限公司`;
    if (!extraNames.includes(name)) extraNames.push(name);
  }
  // Joint branches cover 4, 3, 5 and 4 small enterprises; each of those units is owned by its joint branch.
  let next = 0;
  for (const [j, size] of [4, 3, 5, 4].entries()) {
    for (let k = 0; k < size; k++) {
      const id = addUnit(enterprise(extraNames[next++]!, rnd.next() < 0.7 ? 'small' : 'micro', false), null);
      const joint = byKey.get(`joint-${j + 1}`)!.id;
      plan.units.find((u) => u.id === id)!.ownerOrgId = joint;
      plan.links.push({ orgId: joint, unitId: id });
    }
  }
  // The rest have no party organization yet: 32 above designated size, 10 below.
  for (let k = 0; next < extraNames.length; k++)
    addUnit(enterprise(extraNames[next++]!, k < 32 ? rnd.pick(['medium', 'small'] as const) : 'small', k < 32), null);
  const social: [string, string][] = [
    ['soc-1', `${ZONE}商会`],
    ['soc-2', `${ZONE}物流协会`],
  ];
  for (const [key, name] of social)
    addUnit(
      { registration: '51', name, kind: 'social_organization', employees: rnd.int(5, 30), legalRepIsMember: true },
      key,
    );
  const agencyNames = GOVERNMENT_AGENCIES.map((n) => (n === '党政办公室' ? '管理委员会党政办公室' : n));
  for (const [i, n] of agencyNames.entries())
    addUnit(
      {
        registration: '11',
        name: `${ZONE}${n}`,
        kind: 'agency',
        economicType: 'state_owned',
        employees: rnd.int(12, 60),
        legalRepIsMember: true,
        address: `${ZONE}迎宾大道${i + 1}号`,
      },
      `gov-${i + 1}`,
    );
  for (let i = 1; i <= 10; i++) {
    const row = rowOf(`com-${i}`);
    const village = row.domain === 'village';
    const place = row.name.replace('党支部', '');
    addUnit(
      {
        registration: '54',
        name: village ? `${place}村民委员会` : `棋盘井镇${place}居民委员会`,
        kind: village ? 'village' : 'community',
        economicType: 'collective',
        employees: rnd.int(5, 15),
        legalRepIsMember: true,
        address: village ? `鄂托克旗棋盘井镇${place}` : `${ZONE}${rnd.pick(STREETS)}`,
      },
      `com-${i}`,
    );
  }
  for (const [proj, unitKey] of Object.entries(PROJECT_UNITS))
    plan.links.push({ orgId: byKey.get(proj)!.id, unitId: unitByKey.get(unitKey)! });

  // ── Committees (班子) with terms at every warning level ───────────────────────────────────────
  for (const row of rows) {
    const type = row.type as OrgType;
    if (!ELECTING_TYPES.includes(type)) continue;
    const key = keyOf.get(row.id!);
    const years = deriveTermYears(DEFAULT_TERM_RULES, { type, domain: row.domain as OrgDomain }, today)!;
    const offset = key && WARNING_OFFSETS[key] !== undefined ? WARNING_OFFSETS[key]! : rnd.int(200, years * 365 - 20);
    const electedOn = addMonths(shiftDays(today, offset), -12 * years);
    const termNumber = rnd.int(2, 6);
    const committeeId = rnd.uuid();
    plan.committees.push({
      id: committeeId,
      orgId: row.id!,
      termNumber,
      electedOn,
      termYears: years,
      expiresOn: termExpiry(electedOn, years),
      isCurrent: true,
    });
    if (rnd.next() < 0.35) {
      const previousElected = addMonths(electedOn, -12 * years);
      plan.committees.push({
        id: rnd.uuid(),
        orgId: row.id!,
        termNumber: termNumber - 1,
        electedOn: previousElected,
        termYears: years,
        expiresOn: termExpiry(previousElected, years),
        isCurrent: false,
      });
    }
    const large = type === 'work_committee' || type === 'party_committee';
    const positions: CommitteePosition[] = large
      ? ['secretary', 'deputy_secretary', 'organization', 'propaganda', 'discipline', 'member', 'member']
      : rnd.next() < 0.35
        ? ['secretary', ...(rnd.next() < 0.5 ? (['deputy_secretary'] as const) : [])]
        : [
            'secretary',
            ...(rnd.next() < 0.3 ? (['deputy_secretary'] as const) : []),
            'organization',
            'propaganda',
            'discipline',
          ];
    for (const [i, position] of positions.entries()) {
      const name = personName(rnd);
      if (position === 'secretary') row.secretaryName = name;
      plan.seats.push({ id: rnd.uuid(), committeeId, memberId: null, name, position, sortOrder: i + 1 });
    }
  }
  // Temporary branches have an appointed secretary and no elections.
  for (const row of rows) if (row.type === 'temporary_branch') row.secretaryName = personName(rnd);

  // ── The five regional party-mass activity centers (党群活动中心) ──────────────────────────────
  const centers: [string, string, number, string[]][] = [
    [
      '开发区党群活动中心',
      `${ZONE}迎宾大道1号`,
      300,
      ['多功能报告厅', '党员教育室', '红色书屋', '远程教育终端', '志愿服务站'],
    ],
    ['棋盘井工业园区党群活动中心', `${ZONE}工业大道88号`, 160, ['会议室', '党员活动室', '职工书屋', '心理咨询室']],
    ['蒙西工业园区党群活动中心', `${ZONE}蒙西大街26号`, 120, ['会议室', '党员活动室', '培训教室', '展厅']],
    ['新华社区党群活动中心', `${ZONE}新华路16号`, 80, ['议事厅', '党员活动室', '老年日间照料室', '儿童之家']],
    [
      '阿尔巴斯嘎查党群活动中心',
      '鄂托克旗棋盘井镇阿尔巴斯嘎查',
      90,
      ['会议室', '农牧民培训室', '文化活动室', '便民服务站'],
    ],
  ];
  for (const [name, address, capacity, facilities] of centers) {
    plan.venues.push({
      id: rnd.uuid(),
      name,
      ownerOrgId: rootId,
      address,
      longitude: Math.round((106.98 + (rnd.next() - 0.5) * 0.12) * 1e6) / 1e6,
      latitude: Math.round((39.37 + (rnd.next() - 0.5) * 0.08) * 1e6) / 1e6,
      capacity,
      facilities,
      openHours: '周一至周五 8:30-12:00, 14:30-18:00；周末预约开放',
      contactPerson: personName(rnd),
      contactPhone: `0477-62${String(rnd.int(0, 99_999)).padStart(5, '0')}`,
      description: `${name}：党员教育、组织生活、志愿服务和群众活动的区域阵地`,
    });
  }
  return plan;
}

/** Inserts the planned structure after the organizations, with one audit event per record. */
export async function insertStructure(
  tx: DbOrTx,
  audit: AuditRecorder,
  plan: StructurePlan,
  pathOf: (orgId: string) => string,
) {
  if (plan.units.length) await tx.insert(units).values(plan.units);
  if (plan.links.length) await tx.insert(orgUnits).values(plan.links);
  if (plan.committees.length) await tx.insert(committees).values(plan.committees);
  if (plan.seats.length) await tx.insert(committeeMembers).values(plan.seats);
  if (plan.venues.length) await tx.insert(venues).values(plan.venues);
  for (const u of plan.units)
    audit.record({
      action: 'unit.create',
      entity: 'unit',
      entityId: u.id,
      orgPath: pathOf(u.ownerOrgId),
      after: { name: u.name, kind: u.kind, creditCode: u.creditCode, ownerOrgId: u.ownerOrgId },
      actor: SEED,
    });
  const linksByOrg = new Map<string, string[]>();
  for (const l of plan.links) linksByOrg.set(l.orgId, [...(linksByOrg.get(l.orgId) ?? []), l.unitId]);
  for (const [orgId, unitIds] of linksByOrg)
    audit.record({
      action: 'org.units',
      entity: 'organization',
      entityId: orgId,
      orgPath: pathOf(orgId),
      after: { unitIds },
      actor: SEED,
    });
  for (const c of plan.committees)
    audit.record({
      action: 'committee.elect',
      entity: 'committee',
      entityId: c.id,
      orgPath: pathOf(c.orgId),
      after: { orgId: c.orgId, termNumber: c.termNumber, electedOn: c.electedOn, expiresOn: c.expiresOn },
      actor: SEED,
    });
  for (const v of plan.venues)
    audit.record({
      action: 'venue.create',
      entity: 'venue',
      entityId: v.id,
      orgPath: pathOf(v.ownerOrgId),
      after: { name: v.name, ownerOrgId: v.ownerOrgId, capacity: v.capacity },
      actor: SEED,
    });
}
