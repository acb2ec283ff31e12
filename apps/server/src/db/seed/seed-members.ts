import {
  deriveMemberState,
  type EducationCode,
  type EthnicityCode,
  type FoldableEvent,
  idNumberCheckChar,
  type JobCategory,
  type MemberEventDetails,
  type MemberEventType,
  maskIdNumber,
  type OrgDomain,
  type OrgType,
} from '@red-engine/shared';
import { encryptText } from '../../core/crypto.js';
import type { AuditRecorder } from '../../core/transaction.js';
import { idNumberHash, lifecycleColumns, nameKeys } from '../../modules/member/index.js';
import type { Tx } from '../client.js';
import { memberEvents, members } from '../schema/index.js';
import type { Random } from './random.js';

export type SeedBranch = {
  key: string;
  id: string;
  path: string;
  name: string;
  type: OrgType;
  domain: OrgDomain;
  /** 建立日期; temporary branches take in their members from then on. */
  foundedOn?: string | null;
};

/** Mongolian given names as written in Chinese, with the traditional script (U+1820–U+1877) and gender. */
const MONGOLIAN_NAMES: [string, string, 'male' | 'female'][] = [
  ['巴特尔', 'ᠪᠠᠭᠠᠲᠤᠷ', 'male'], // baγatur
  ['额尔敦', 'ᠡᠷᠳᠡᠨᠢ', 'male'], // erdeni
  ['苏和', 'ᠰᠦᠬᠡ', 'male'], // süqe
  ['朝鲁', 'ᠴᠢᠯᠠᠭᠤ', 'male'], // čilaγu
  ['阿拉坦', 'ᠠᠯᠲᠠᠨ', 'male'], // altan
  ['孟和', 'ᠮᠥᠩᠬᠡ', 'male'], // möŋqe
  ['特木尔', 'ᠲᠡᠮᠦᠷ', 'male'], // temür
  ['布和', 'ᠪᠦᠬᠡ', 'male'], // büqe
  ['宝音', 'ᠪᠤᠶᠠᠨ', 'male'], // buyan
  ['哈斯', 'ᠬᠠᠰ', 'male'], // qas
  ['吉日嘎拉', 'ᠵᠢᠷᠭᠠᠯ', 'male'], // jirγal
  ['满都拉', 'ᠮᠠᠨᠳᠤᠯᠠ', 'male'], // mandula
  ['那仁', 'ᠨᠠᠷᠠᠨ', 'male'], // naran
  ['额尔德木图', 'ᠡᠷᠳᠡᠮᠲᠦ', 'male'], // erdemtü
  ['乌力吉', 'ᠥᠯᠵᠡᠢ', 'male'], // öljei
  ['乌日娜', 'ᠤᠷᠠᠨᠠ', 'female'], // urana
  ['其木格', 'ᠴᠢᠮᠡᠭ', 'female'], // čimeg
  ['图雅', 'ᠲᠤᠶᠠ', 'female'], // tuya
  ['萨仁', 'ᠰᠠᠷᠠᠨ', 'female'], // saran
  ['其其格', 'ᠴᠡᠴᠡᠭ', 'female'], // čečeg
  ['敖登', 'ᠣᠳᠣᠨ', 'female'], // odon
  ['格日勒', 'ᠭᠡᠷᠡᠯ', 'female'], // gerel
  ['乌云', 'ᠣᠶᠤᠨ', 'female'], // oyun
  ['斯琴', 'ᠰᠡᠴᠡᠨ', 'female'], // sečen
  ['萨日娜', 'ᠰᠠᠷᠠᠨᠠ', 'female'], // sarana
  ['高娃', 'ᠭᠣᠤᠠ', 'female'], // γoua
];
const MONGOLIAN_HAN_STYLE = [
  '包金花',
  '包海龙',
  '白玉兰',
  '奇俊峰',
  '韩乌兰',
  '包呼和',
  '白斯琴',
  '奇志刚',
  '包秀英',
  '韩宝音',
];

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹常武乔贺赖龚文'.split(
    '',
  );
const MALE_GIVEN =
  '伟 强 磊 军 勇 杰 涛 明 超 刚 平 辉 鹏 华 飞 鑫 波 斌 宇 浩 凯 健 俊 帆 旭 宁 龙 林 峰 建国 建军 志强 海涛 东升 亮 成 国庆 文斌 永刚 德胜 忠 振华 晓东 红军 世杰 学军 玉龙 占山 春生 富贵 宏伟'.split(
    ' ',
  );
const FEMALE_GIVEN =
  '芳 娜 敏 静 丽 艳 娟 霞 秀英 玲 桂英 丹 萍 红 燕 琳 婷 雪 慧 颖 倩 晶 佳 梅 莉 兰 凤 洁 琴 云 荣 晓燕 丽华 海燕 春梅 玉兰 淑珍 秀兰 美玲 雅琴'.split(
    ' ',
  );

/** Ordos county codes (GB/T 2260): 鄂托克旗 most, then the city's other banners and districts. */
const AREA_CODES = [
  '150624',
  '150624',
  '150624',
  '150624',
  '150624',
  '150602',
  '150621',
  '150622',
  '150623',
  '150625',
  '150626',
  '150627',
];
const STREETS = [
  '棋盘井镇新华街',
  '棋盘井镇团结路',
  '棋盘井镇民主路',
  '乌兰镇都斯图路',
  '棋盘井镇西环路',
  '棋盘井镇北园街',
];
const FLOW_DESTINATIONS = [
  '内蒙古自治区呼和浩特市',
  '内蒙古自治区包头市',
  '陕西省榆林市',
  '宁夏回族自治区银川市',
  '北京市朝阳区',
];
const TRANSFER_DESTINATIONS = [
  '中共鄂尔多斯市东胜区委组织部',
  '中共乌海市海勃湾区委组织部',
  '中共榆林市榆阳区委组织部',
];

/** Demo accounts who are members themselves, and where: the H5 page 我的档案 shows their own record. */
const LINKED_ACCOUNTS: Record<
  string,
  { branchKey: string; gender: 'male' | 'female'; ethnicity: EthnicityCode; mongolian?: string; posts?: string[] }
> = {
  member: { branchKey: 'xingguang-1', gender: 'male', ethnicity: '02', mongolian: 'ᠪᠠᠭᠠᠲᠤᠷ' },
  secretary: { branchKey: 'xingguang-1', gender: 'female', ethnicity: '01', posts: ['书记'] },
  checkin: { branchKey: 'xingguang-1', gender: 'female', ethnicity: '01', posts: ['组织委员'] },
  xingguang: { branchKey: 'xingguang-5', gender: 'male', ethnicity: '01', posts: ['组织委员'] },
  admin: { branchKey: 'gov-1', gender: 'male', ethnicity: '01', posts: ['书记'] },
  leader: { branchKey: 'gov-1', gender: 'female', ethnicity: '01' },
};

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const addDays = (date: string, days: number) => iso(new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000));
const addYears = (date: string, years: number) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${pad(y + years, 4)}-${pad(m)}-${pad(m === 2 && d === 29 ? 28 : d)}`;
};
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
const between = (rnd: Random, from: string, to: string) =>
  to <= from ? from : addDays(from, rnd.int(0, daysBetween(from, to)));

function membersFor(b: SeedBranch, rnd: Random): number {
  if (b.type === 'temporary_branch') return rnd.int(3, 7);
  if (b.type === 'joint_branch') return rnd.int(8, 15);
  switch (b.domain) {
    case 'government':
      return rnd.int(10, 24);
    case 'community':
      return rnd.int(14, 30);
    case 'village':
      return rnd.int(18, 34);
    case 'social_organization':
      return rnd.int(5, 10);
    default:
      return b.key.startsWith('sme-') ? rnd.int(6, 14) : rnd.int(13, 26);
  }
}

const weighted = <T>(rnd: Random, items: readonly [T, number][]): T => {
  const total = items.reduce((n, [, w]) => n + w, 0);
  let x = rnd.next() * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  return items[items.length - 1]![0];
};

function educationFor(rnd: Random, domain: OrgDomain, age: number): EducationCode {
  if (domain === 'village')
    return weighted<EducationCode>(rnd, [
      ['81', 2],
      ['71', 5],
      ['61', 3],
      ['41', 1],
      ['31', 1],
    ]);
  if (domain === 'community')
    return weighted<EducationCode>(rnd, [
      ['71', 2],
      ['61', 3],
      ['41', 2],
      ['31', 3],
      ['21', 2],
    ]);
  const older = age > 55;
  return weighted<EducationCode>(rnd, [
    ['14', older ? 0.2 : 1],
    ['21', older ? 2 : 5],
    ['31', 4],
    ['41', 1.5],
    ['47', domain === 'government' ? 0.2 : 1.5],
    ['61', older ? 2 : 0.8],
    ['71', older ? 1 : 0.2],
  ]);
}

function jobFor(rnd: Random, domain: OrgDomain, age: number): JobCategory {
  if (age >= 62) return 'retired';
  switch (domain) {
    case 'government':
      return weighted<JobCategory>(rnd, [
        ['civil_servant', 8],
        ['manager', 1],
        ['professional', 1],
      ]);
    case 'village':
      return weighted<JobCategory>(rnd, [
        ['farmer', 9],
        ['other', 1],
      ]);
    case 'community':
      return weighted<JobCategory>(rnd, [
        ['other', 4],
        ['retired', 3],
        ['manager', 1],
        ['worker', 1],
      ]);
    case 'social_organization':
      return weighted<JobCategory>(rnd, [
        ['manager', 3],
        ['other', 3],
        ['professional', 1],
      ]);
    default:
      return weighted<JobCategory>(rnd, [
        ['worker', 5],
        ['professional', 3],
        ['manager', 2],
      ]);
  }
}

function ethnicityFor(rnd: Random, domain: OrgDomain): EthnicityCode {
  const mongolian = domain === 'village' ? 0.45 : domain === 'community' ? 0.18 : 0.11;
  const x = rnd.next();
  if (x < mongolian) return '02';
  if (x < mongolian + 0.015) return '03';
  if (x < mongolian + 0.025) return '11';
  if (x < mongolian + 0.028) return '31';
  return '01';
}

function nameFor(
  rnd: Random,
  gender: 'male' | 'female',
  ethnicity: EthnicityCode,
): { name: string; mongolian: string | null } {
  if (ethnicity === '02' && rnd.next() < 0.75) {
    const pool = MONGOLIAN_NAMES.filter((n) => n[2] === gender);
    const [name, script] = rnd.pick(pool);
    return { name, mongolian: rnd.next() < 0.6 ? script : null };
  }
  if (ethnicity === '02') return { name: rnd.pick(MONGOLIAN_HAN_STYLE), mongolian: null };
  return { name: rnd.pick(SURNAMES) + rnd.pick(gender === 'male' ? MALE_GIVEN : FEMALE_GIVEN), mongolian: null };
}

function idNumberFor(rnd: Random, birthDate: string, gender: 'male' | 'female', taken: Set<string>): string {
  for (;;) {
    const seq = rnd.int(0, 499) * 2 + (gender === 'male' ? 1 : 0);
    const first17 = `${rnd.pick(AREA_CODES)}${birthDate.replaceAll('-', '')}${pad(seq, 3)}`;
    const id = first17 + idNumberCheckChar(first17);
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

type Person = {
  name: string;
  mongolian: string | null;
  gender: 'male' | 'female';
  ethnicity: EthnicityCode;
  birthDate: string;
  userId?: string;
  posts?: string[];
};

/**
 * About 1,700 members over the 101 branches, each with a dated history whose fold fills the cache columns:
 * ages 22–80, ~27% women, Han and Mongolian names (some in traditional script), valid Ordos ID numbers, a few
 * probationary, moved, flowing, lost, transferred-out members and one who died.
 */
export async function seedMembers(
  tx: Tx,
  audit: AuditRecorder,
  rnd: Random,
  opts: {
    branches: SeedBranch[];
    accounts: Map<string, { id: string; displayName: string }>;
    dataKey: Buffer;
    today: string;
  },
): Promise<number> {
  const { branches, today, dataKey } = opts;
  const byKey = new Map(branches.map((b) => [b.key, b]));
  const settled = branches.filter((b) => b.type !== 'temporary_branch');
  const taken = new Set<string>();
  const memberRows: (typeof members.$inferInsert)[] = [];
  const eventRows: (typeof memberEvents.$inferInsert)[] = [];
  const seal = (s: string) => encryptText(dataKey, s);
  const upTo = (d: string) => (d > today ? today : d);
  const byId = new Map(branches.map((b) => [b.id, b]));
  let deceasedDone = false;
  let lostCount = 0;

  const addMember = (branch: SeedBranch, p: Person, forceFull = false) => {
    const age = Math.floor(daysBetween(p.birthDate, today) / 365.25);
    const domain = branch.domain;
    const education = educationFor(rnd, domain, age);
    const job = jobFor(rnd, domain, age);
    const idNumber = idNumberFor(rnd, p.birthDate, p.gender, taken);
    const phone =
      rnd.next() < 0.95 ? `1${rnd.pick(['3', '5', '8', '8', '9', '7'])}${pad(rnd.int(0, 999_999_999), 9)}` : null;
    const id = rnd.uuid();
    // Members of a temporary branch keep their relation in a settled branch and are placed (编入) in the
    // temporary one for the project; temporary branches recruit no one (DOMAIN-RULES §3.1).
    const temporary = branch.type === 'temporary_branch';
    const full = forceFull || temporary;
    const probationary = !full && rnd.next() < 0.04;
    const adult = addYears(p.birthDate, 18);
    const events: FoldableEvent[] = [];
    const rows: (typeof memberEvents.$inferInsert)[] = [];
    const push = (
      type: MemberEventType,
      effectiveDate: string,
      org: SeedBranch,
      details: MemberEventDetails = {},
      from?: SeedBranch,
    ) => {
      const seq = rows.length + 1;
      events.push({ type, effectiveDate, seq, orgId: org.id, details });
      rows.push({
        id: rnd.uuid(),
        memberId: id,
        seq,
        type,
        effectiveDate,
        orgId: org.id,
        orgPath: org.path,
        fromOrgId: from?.id ?? null,
        details,
        recordedBy: 'seed',
      });
    };
    let joinDate: string;
    if (probationary) {
      joinDate = addDays(today, -rnd.int(20, 350));
      push('joined', joinDate, branch);
    } else {
      const latest = addYears(today, -1);
      // Most join in their twenties or early thirties; some later in life.
      const joinAge = weighted<[number, number]>(rnd, [
        [[19, 25], 4],
        [[26, 35], 4],
        [[36, 50], 1.5],
      ]);
      const at = addDays(addYears(p.birthDate, rnd.int(joinAge[0], joinAge[1])), rnd.int(0, 364));
      joinDate = [[at, '1970-03-01'].sort()[1]!, latest].sort()[0]!;
      if (joinDate < adult) joinDate = adult;
      const moved = temporary || (!full && rnd.next() < 0.05);
      const origin = moved
        ? rnd.pick(
            settled.filter(
              (b) =>
                b.id !== branch.id &&
                (!temporary || b.domain === 'private_enterprise' || b.domain === 'state_enterprise'),
            ),
          )
        : branch;
      const extended = rnd.next() < 0.03;
      const fullDate = addDays(addYears(joinDate, 1), extended ? rnd.int(183, 300) : rnd.int(0, 20));
      push('registered', joinDate, origin, { category: 'probationary' });
      if (extended) push('probation_extended', addDays(joinDate, 360), origin, { months: 6 });
      push('converted', upTo(fullDate), origin);
      let last = events.at(-1)!.effectiveDate;
      if (moved && temporary) {
        const from = [addDays(last, 1), branch.foundedOn ?? addDays(today, -300)].sort()[1]!;
        last = upTo(between(rnd, from, addDays(from, 60)));
        push('moved', last, branch, { reason: '编入临时党支部' }, origin);
      } else if (moved) {
        last = upTo(between(rnd, addDays(last, 30), addDays(today, -20)));
        push('moved', last, branch, { reason: '工作调动' }, origin);
      }
      // Warnings tell a believable story: flows and lost contact of the last two years, most of them recent.
      const recent = (bands: [number, number, number][]) => {
        const [lo, hi] = weighted<[number, number]>(
          rnd,
          bands.map(([a, b, w]) => [[a, b], w]),
        );
        const d = addDays(today, -rnd.int(lo, hi));
        // Nobody flows out or goes missing before their own latest record: such a member simply stays put.
        return d > last ? d : null;
      };
      if (!full) {
        const x = rnd.next();
        if (x < 0.012) {
          const out = recent([
            [10, 170, 6],
            [190, 330, 3],
            [400, 640, 1],
          ]);
          if (out) push('flow_out', out, branch, { destination: rnd.pick(FLOW_DESTINATIONS), reason: '外出务工' });
        } else if (x < 0.022) {
          const out = recent([[200, 900, 1]]);
          if (out) {
            push('flow_out', out, branch, { destination: rnd.pick(FLOW_DESTINATIONS), reason: '外出务工' });
            push('flow_back', upTo(between(rnd, addDays(out, 60), addDays(today, -5))), branch);
          }
        } else if (x < 0.028) {
          // The first one found missing is close to 2 years (除名 due), the next past 6 months (停止党籍 due).
          const bands: [number, number, number][][] = [
            [[650, 700, 1]],
            [[230, 330, 1]],
            [
              [30, 170, 3],
              [190, 420, 2],
            ],
          ];
          const lost = recent(bands[Math.min(lostCount, 2)]!);
          if (lost) {
            lostCount += 1;
            push('lost', lost, branch, { reason: '长期外出，联系不上' });
          }
        } else if (x < 0.034) {
          const out = recent([[15, 1000, 1]]);
          if (out)
            push('transferred_out', out, branch, {
              destination: rnd.pick(TRANSFER_DESTINATIONS),
              documentNo: `鄂开组转字〔${out.slice(0, 4)}〕${rnd.int(1, 99)}号`,
              reason: '工作调动',
            });
        } else if (!deceasedDone && age >= 75 && domain === 'community') {
          deceasedDone = true;
          push('died', between(rnd, last, addDays(today, -30)), branch);
        }
      }
    }
    const s = deriveMemberState(events);
    const keys = nameKeys(p.name);
    const org = byId.get(s.orgId ?? '') ?? branch;
    memberRows.push({
      id,
      name: p.name,
      ...keys,
      nameMongolian: p.mongolian,
      gender: p.gender,
      idNumberEnc: seal(idNumber),
      idNumberHash: idNumberHash(dataKey, idNumber),
      idNumberMasked: maskIdNumber(idNumber),
      idTail: idNumber.slice(-4),
      ethnicity: p.ethnicity,
      birthDate: p.birthDate,
      education,
      jobCategory: job,
      phoneEnc: phone ? seal(phone) : null,
      phoneMasked: phone ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : null,
      phoneTail: phone ? phone.slice(-4) : null,
      addressEnc: rnd.next() < 0.85 ? seal(`内蒙古鄂尔多斯市鄂托克旗${rnd.pick(STREETS)}${rnd.int(1, 200)}号`) : null,
      nativePlace:
        p.ethnicity === '02'
          ? '内蒙古鄂托克旗'
          : rnd.pick(['内蒙古鄂托克旗', '内蒙古杭锦旗', '陕西榆林', '山西忻州', '河北张家口', '宁夏石嘴山']),
      workUnit: (temporary ? (byId.get(events[0]?.orgId ?? '') ?? branch) : branch).name.replace(/党支部$/, ''),
      talentFlags: education === '14' ? ['master'] : [],
      tags: rnd.next() < 0.08 ? [rnd.pick(['先锋岗', '突击队', '责任区'])] : [],
      partyPosts: p.posts ?? [],
      userId: p.userId ?? null,
      ...lifecycleColumns(s, org.path),
    });
    eventRows.push(...rows);
    audit.record({
      action: 'member.create',
      entity: 'member',
      entityId: id,
      orgPath: org.path,
      after: { name: p.name, orgId: s.orgId, category: s.category, status: s.status },
      actor: { id: null, name: 'seed' },
    });
  };

  const birthFor = (domain: OrgDomain, temporary: boolean) => {
    const band = weighted<[number, number]>(rnd, [
      [[22, 35], domain === 'village' ? 1 : temporary ? 4 : 3],
      [[36, 50], 3.5],
      [[51, 60], 2],
      [[61, 80], domain === 'community' || domain === 'village' ? 3 : 0.6],
    ]);
    return addDays(today, -(rnd.int(band[0], band[1]) * 365 + rnd.int(1, 364)));
  };

  for (const [username, spec] of Object.entries(LINKED_ACCOUNTS)) {
    const account = opts.accounts.get(username);
    const branch = byKey.get(spec.branchKey);
    if (!account || !branch) continue;
    addMember(
      branch,
      {
        name: account.displayName,
        mongolian: spec.mongolian ?? null,
        gender: spec.gender,
        ethnicity: spec.ethnicity,
        birthDate: addDays(today, -(rnd.int(32, 52) * 365 + rnd.int(1, 364))),
        userId: account.id,
        ...(spec.posts ? { posts: spec.posts } : {}),
      },
      true,
    );
  }
  for (const branch of branches) {
    const n = membersFor(branch, rnd);
    for (let i = 0; i < n; i++) {
      const femaleShare = branch.domain === 'government' || branch.domain === 'community' ? 0.4 : 0.22;
      const gender = rnd.next() < femaleShare ? 'female' : 'male';
      const ethnicity = ethnicityFor(rnd, branch.domain);
      const named = nameFor(rnd, gender, ethnicity);
      addMember(branch, {
        ...named,
        gender,
        ethnicity,
        birthDate: birthFor(branch.domain, branch.type === 'temporary_branch'),
      });
    }
  }

  for (let i = 0; i < memberRows.length; i += 400) await tx.insert(members).values(memberRows.slice(i, i + 400));
  for (let i = 0; i < eventRows.length; i += 1000) await tx.insert(memberEvents).values(eventRows.slice(i, i + 1000));
  return memberRows.length;
}
