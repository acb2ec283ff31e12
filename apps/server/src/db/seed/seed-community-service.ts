import { SERVICE_CATEGORIES, type ServiceCategory } from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import type { AuditRecorder } from '../../core/transaction.js';
import { IN_SERVICE_WHERE } from '../../modules/community-service/community-service.policy.js';
import { addDays } from '../../modules/transfer/transfer.policy.js';
import type { Tx } from '../client.js';
import { queryRows } from '../rows.js';
import { communityNeeds, memberReports, needClaims, orgReports, transferSteps, transfers } from '../schema/index.js';
import type { Random } from './random.js';
import type { SeedBranch } from './seed-members.js';

/** Needs by service-post category: [title, from a resident (微心愿 / 居民点单)?]. */
const NEED_TITLES: Record<ServiceCategory, [string, boolean][]> = {
  policy: [
    ['党的创新理论进楼栋宣讲', false],
    ['反电信诈骗宣传进小区', false],
    ['民法典宣传咨询', false],
    ['医保政策解读答疑', false],
  ],
  environment: [
    ['楼道杂物清理', false],
    ['背街小巷环境整治', false],
    ['垃圾分类督导值守', false],
    ['绿化带清理补植', false],
  ],
  patrol: [
    ['夜间平安巡逻', false],
    ['节假日治安巡防', false],
    ['消防安全隐患排查', false],
    ['学校周边护学岗', false],
  ],
  civility: [
    ['文明城市创建劝导', false],
    ['路口文明交通引导', false],
    ['党群服务站志愿值守', false],
  ],
  care: [
    ['独居老人上门探访', false],
    ['为孤寡老人更换灯具（微心愿）', true],
    ['陪同高龄老人就医（微心愿）', true],
    ['留守儿童课业辅导', false],
    ['为残疾居民代购生活用品（微心愿）', true],
  ],
  culture: [
    ['"我们的节日"包粽子活动服务', false],
    ['少儿书法兴趣课', false],
    ['社区邻里节活动保障', false],
  ],
  mediation: [
    ['邻里纠纷调解', false],
    ['小区停车矛盾协调', true],
    ['物业服务议事协商', false],
  ],
  convenience: [
    ['义务理发进社区', false],
    ['家电义务维修', true],
    ['免费测血压、血糖', false],
    ['代办证件咨询服务', false],
  ],
};
const PLACES = ['党群服务中心', '新时代文明实践站', '1号楼前广场', '社区活动室', '小区东门', '社区卫生服务站'];
const HOURS = [1, 1.5, 2, 2, 3, 3, 4];
const CATEGORY_CODES = SERVICE_CATEGORIES.map((c) => c[0]);

const at = (date: string, hour: number) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);

/**
 * 双报到 demo data: most in-service members of the units registered with one of the zone's communities (a few
 * overdue for the half-yearly re-report, a few withdrawn), organization registrations of the agencies and enterprise
 * committees, ~40 needs over the past year and the coming weeks, with claims and confirmed hours. 巴特尔 (the `member`
 * account) is registered with 棋盘井社区, has served this year, has one claim open and one awaiting confirmation, and
 * one transfer request that was sent back, so the H5 pages have something to show.
 */
export async function seedCommunityService(
  tx: Tx,
  audit: AuditRecorder,
  rnd: Random,
  opts: {
    branches: SeedBranch[];
    accounts: Map<string, { id: string; displayName: string }>;
    orgs: Map<string, { id: string; path: string }>;
    today: string;
  },
) {
  const { today } = opts;
  const communities = opts.branches.filter((b) => b.domain === 'community');
  if (communities.length === 0) return;
  const seed = { id: null, name: 'seed' };
  const memberUser = opts.accounts.get('member');
  const inService = await queryRows<{ id: string; name: string; org_path: string; user_id: string | null }>(
    tx,
    sql`select m.id, m.name, m.org_path, m.user_id from members m join organizations o on o.id = m.org_id
      where ${IN_SERVICE_WHERE} order by m.id`,
  );

  // 在职党员报到
  const reportRows: (typeof memberReports.$inferInsert)[] = [];
  const byCommunity = new Map<string, string[]>(communities.map((c) => [c.id, []]));
  for (const m of inService) {
    const mine = memberUser && m.user_id === memberUser.id;
    if (!mine && rnd.next() < 0.12) continue; // not reported yet
    const community = mine ? communities[0]! : rnd.pick(communities);
    const reportedOn = mine ? addDays(today, -200) : addDays(today, -rnd.int(30, 720));
    const recent = addDays(today, -rnd.int(3, 170));
    const lastReportedOn = mine
      ? addDays(today, -20)
      : rnd.next() < 0.85
        ? [reportedOn, recent].sort()[1]!
        : [reportedOn, addDays(today, -rnd.int(190, 300))].sort()[1]!;
    const withdrawn = !mine && rnd.next() < 0.04;
    const categories = mine
      ? (['care', 'convenience'] as string[])
      : [...new Set([rnd.pick(CATEGORY_CODES), rnd.pick(CATEGORY_CODES)])];
    const id = rnd.uuid();
    reportRows.push({
      id,
      memberId: m.id,
      communityOrgId: community.id,
      reportedOn,
      lastReportedOn,
      status: withdrawn ? 'withdrawn' : 'active',
      serviceCategories: categories,
      ...(withdrawn
        ? {
            withdrawnOn: [lastReportedOn, addDays(today, -rnd.int(5, 60))].sort()[1]!,
            withdrawReason: rnd.pick(['moved', 'returned']),
          }
        : {}),
    });
    if (!withdrawn) byCommunity.get(community.id)!.push(m.id);
    audit.record({
      action: 'community.member_report.create',
      entity: 'member_report',
      entityId: id,
      orgPath: m.org_path,
      after: { memberId: m.id, memberName: m.name, communityOrgId: community.id, reportedOn },
      actor: seed,
    });
  }
  for (let i = 0; i < reportRows.length; i += 500) await tx.insert(memberReports).values(reportRows.slice(i, i + 500));

  // 党组织报到: the agencies' branches and the enterprise committees, each with one community.
  const reporting = [
    ...opts.branches.filter((b) => b.key.startsWith('gov-')),
    ...['dianye', 'xingguang', 'shuangxin', 'mengxi', 'junzheng'].map((k) => ({ key: k, ...opts.orgs.get(k)! })),
    ...opts.branches.filter((b) => b.key.startsWith('sme-')).slice(0, 5),
  ];
  const COMMITMENTS = [
    '每季度到社区开展一次主题党日活动；认领社区"微心愿"不少于4个；组织在职党员参加环境整治和平安巡逻。',
    '发挥行业优势开展便民服务；结对帮扶社区困难家庭2户；每年为社区解决1件实事。',
    '参与社区政策宣讲和文明创建；重大节日期间组织党员志愿者值守；定期向社区反馈党员报到情况。',
  ];
  const orgRows: (typeof orgReports.$inferInsert)[] = reporting.map((o, i) => ({
    id: rnd.uuid(),
    orgId: o.id,
    communityOrgId: communities[i % communities.length]!.id,
    reportedOn: addDays(today, -rnd.int(60, 600)),
    contactPerson: rnd.pick(['王海军', '李慧', '张建国', '刘晓燕', '高峰', '苏日娜', '白玉梅', '赵永刚']),
    contactPhone: `139${String(rnd.int(10_000_000, 99_999_999))}`,
    commitments: rnd.pick(COMMITMENTS),
  }));
  if (orgRows.length) await tx.insert(orgReports).values(orgRows);
  for (const r of orgRows)
    audit.record({
      action: 'community.org_report.create',
      entity: 'org_report',
      entityId: r.id,
      orgPath: reporting.find((o) => o.id === r.orgId)!.path,
      after: { orgId: r.orgId, communityOrgId: r.communityOrgId, reportedOn: r.reportedOn },
      actor: seed,
    });

  // 社区需求 and claims: 40 needs, most in the past year (closed, served), some in the coming weeks (open).
  const needRows: (typeof communityNeeds.$inferInsert)[] = [];
  const claimRows: (typeof needClaims.$inferInsert)[] = [];
  const myMemberId = memberUser ? inService.find((m) => m.user_id === memberUser.id)?.id : undefined;
  const admin = opts.accounts.get('admin')!;
  for (let i = 0; i < 40; i++) {
    // The first community (棋盘井社区) gets a few more, so 巴特尔 has needs to choose from.
    const community = i % 5 === 0 ? communities[0]! : communities[i % communities.length]!;
    const future = i % 4 === 0;
    const date = future ? addDays(today, rnd.int(2, 25)) : addDays(today, -rnd.int(5, 340));
    const category = rnd.pick(CATEGORY_CODES);
    const [title, resident] = rnd.pick(NEED_TITLES[category]);
    const hours = rnd.pick(HOURS);
    const capacity = resident ? rnd.int(1, 2) : rnd.int(3, 10);
    const startsAt = at(date, rnd.pick([8, 9, 14, 15, 19]));
    const id = rnd.uuid();
    const pool = byCommunity.get(community.id)!.filter((m) => m !== myMemberId);
    const takers: string[] = [];
    const wanted = future ? rnd.int(0, Math.max(0, capacity - 2)) : rnd.int(Math.ceil(capacity / 2), capacity);
    while (takers.length < Math.min(wanted, pool.length)) {
      const m = rnd.pick(pool);
      if (!takers.includes(m)) takers.push(m);
    }
    // 巴特尔: served on past needs of his community; one open claim on a coming need.
    const mineHere = myMemberId && community.id === communities[0]!.id && takers.length < capacity;
    if (mineHere && (future ? i === 0 : true)) takers.push(myMemberId!);
    let live = 0;
    for (const memberId of takers) {
      const cancelled = !future && rnd.next() < 0.06 && memberId !== myMemberId;
      const done = new Date(startsAt.getTime() + hours * 3_600_000);
      const awaiting = !future && !cancelled && (date > addDays(today, -12) || (memberId === myMemberId && i === 5));
      const status = future ? 'claimed' : cancelled ? 'cancelled' : awaiting ? 'completed' : 'confirmed';
      if (status !== 'cancelled') live++;
      const claimedAt = new Date(startsAt.getTime() - rnd.int(1, 6) * 86_400_000);
      claimRows.push({
        id: rnd.uuid(),
        needId: id,
        memberId,
        status,
        claimedAt,
        ...(status === 'completed' || status === 'confirmed'
          ? { completedAt: done, reportedHours: hours, note: '已按时完成，居民满意。' }
          : {}),
        ...(status === 'confirmed'
          ? {
              confirmedHours: hours,
              confirmedAt: new Date(done.getTime() + rnd.int(1, 3) * 86_400_000),
              confirmedById: admin.id,
              confirmedByName: `${community.name.replace(/党支部$/, '')}`,
            }
          : {}),
        ...(status === 'cancelled' ? { cancelledAt: claimedAt, cancelReason: '临时有事' } : {}),
      });
    }
    needRows.push({
      id,
      communityOrgId: community.id,
      title,
      category,
      source: resident ? 'resident' : 'community',
      description: resident
        ? `居民通过"居民点单"提出：${title.replace(/（微心愿）$/, '')}。请认领的党员与社区联系确认时间。`
        : `${community.name.replace(/党支部$/, '')}组织开展${title}，欢迎报到党员认领参与。`,
      place: `${community.name.replace(/党支部$/, '')}${rnd.pick(PLACES)}`,
      startsAt,
      hours,
      capacity,
      claimedCount: live,
      status: future ? (live >= capacity ? 'full' : 'open') : 'closed',
      postedByName: `${community.name.replace(/党支部$/, '')}`,
      closedOn: future ? null : [addDays(date, 1), today].sort()[0]!,
      createdAt: new Date(startsAt.getTime() - rnd.int(7, 20) * 86_400_000),
    });
    audit.record({
      action: 'community.need.create',
      entity: 'community_need',
      entityId: id,
      orgPath: community.path,
      after: { title, category, communityOrgId: community.id, capacity, hours },
      actor: seed,
    });
  }
  await tx.insert(communityNeeds).values(needRows);
  for (let i = 0; i < claimRows.length; i += 500) await tx.insert(needClaims).values(claimRows.slice(i, i + 500));
  for (const c of claimRows)
    audit.record({
      action: 'community.claim.create',
      entity: 'need_claim',
      entityId: c.id,
      orgPath: communities.find((x) => x.id === needRows.find((n) => n.id === c.needId)!.communityOrgId)!.path,
      after: { needId: c.needId, memberId: c.memberId, status: c.status },
      actor: seed,
    });

  // 巴特尔's transfer request, sent back by the 星光集团 committee three months ago (no member event: nothing moved).
  const secretary = opts.accounts.get('secretary');
  if (myMemberId && secretary) {
    const from = opts.branches.find((b) => b.key === 'xingguang-1')!;
    const to = opts.branches.find((b) => b.key === 'xingguang-2')!;
    const committee = opts.orgs.get('xingguang')!;
    const id = rnd.uuid();
    const requestedOn = addDays(today, -95);
    await tx.insert(transfers).values({
      id,
      kind: 'within_zone',
      status: 'rejected',
      memberId: myMemberId,
      memberName: memberUser!.displayName,
      fromOrgId: from.id,
      toOrgId: to.id,
      reason: '岗位调整，拟调至焦化厂工作',
      requestedOn,
      // The sending branch's secretary asked; the committee sent it back.
      requestedById: secretary.id,
      requestedByName: secretary.displayName,
      letterValidDays: 30,
      rejectionReason: '岗位调整暂缓，待人事调令下达后重新申请',
    });
    await tx.insert(transferSteps).values({
      id: rnd.uuid(),
      transferId: id,
      stepNo: 1,
      orgId: committee.id,
      status: 'rejected',
      actorId: admin.id,
      actorName: admin.displayName,
      actedAt: at(addDays(requestedOn, 3), 10),
      comment: '岗位调整暂缓，待人事调令下达后重新申请',
    });
    audit.record({
      action: 'transfer.create',
      entity: 'transfer',
      entityId: id,
      orgPath: from.path,
      after: { kind: 'within_zone', status: 'rejected', memberId: myMemberId, steps: [committee.id] },
      actor: seed,
    });
  }
}
