import {
  addCalendarDays,
  type GrantCandidate,
  periodKeyOf,
  shanghaiMidnight,
  type VersionedRule,
} from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import { systemContext } from '../../core/actor.js';
import type { AuditRecorder } from '../../core/transaction.js';
import { createPointsModule } from '../../modules/points/index.js';
import { bookCandidates, reverseEntries } from '../../modules/points/points.ledger.js';
import { ruleOn } from '../../modules/points/points.policy.js';
import { pointsDeps } from '../../points-wiring.js';
import type { Db, Tx } from '../client.js';
import { queryRows } from '../rows.js';
import type { Random } from './random.js';
import type { SeedBranch } from './seed-members.js';

/** Manual items the demo books, with a reason each and how often (per member and year, roughly). */
const MANUAL: { code: string; share: number; reasons: string[] }[] = [
  {
    code: 'commitment_fulfilled',
    share: 0.12,
    reasons: ['先锋岗承诺事项按期完成', '认领的“微心愿”全部兑现', '带头完成技改攻关承诺'],
  },
  { code: 'mass_praise', share: 0.08, reasons: ['收到群众表扬信', '社区居民赠送锦旗', '服务对象来电表扬'] },
  { code: 'urgent_task', share: 0.1, reasons: ['参加防汛值守', '参加森林草原防火巡查', '参加冬季保供突击队'] },
  { code: 'commended', share: 0.02, reasons: ['获评旗级优秀共产党员', '获评市级劳动模范'] },
  { code: 'no_study_notes', share: 0.06, reasons: ['第二季度学习笔记未按要求完成', '主题教育心得体会未提交'] },
  { code: 'dues_late', share: 0.02, reasons: ['连续两个月未交党费，经提醒仍未交纳'] },
];

const ADMIN = { id: null, name: '王建华' };

/**
 * 党员积分 demo: the automatic points of every month the meetings cover (the same run the API and the CLI use), manual
 * items approved through the year, a few pending requests and exemptions, the zone's monthly publications up to last
 * month, and objections (answered, and one waiting). Bulk statements only; one audit event sums it up.
 */
export async function seedPoints(
  tx: Tx,
  audit: AuditRecorder,
  rnd: Random,
  opts: { branches: SeedBranch[]; rootId: string; rootPath: string; today: string; months: number },
) {
  const endOfToday = new Date(Math.min(Date.now(), shanghaiMidnight(addCalendarDays(opts.today, 1)).getTime() - 1));
  // The app's sources (study, quizzes, competitions too): the demo books what a run of the app would book.
  const points = createPointsModule({ ...pointsDeps(tx as unknown as Db), now: () => endOfToday });
  const ctx = systemContext('seed');
  const [y, m] = opts.today.split('-').map(Number) as [number, number];
  const months: string[] = [];
  for (let i = opts.months - 1; i >= 0; i--) months.push(new Date(Date.UTC(y, m - 1 - i, 1)).toISOString().slice(0, 7));

  const automatic = (
    await points.run.runSpan(tx, ctx, {
      key: `${months[0]}…${months.at(-1)}`,
      start: `${months[0]}-01`,
      end: addCalendarDays(opts.today, 1),
      roots: null,
    })
  ).booked;

  // Manual items: approved requests with their entries, booked in date order.
  const people = await queryRows<{ id: string; org_path: string; user_id: string | null }>(
    tx,
    sql`select id, org_path, user_id from members where status = 'active' order by id`,
  );
  const versions = await points.core.repo.versions(tx);
  const first = `${months[0]}-01`;
  const span = Math.max(1, Math.round((Date.parse(opts.today) - Date.parse(first)) / 86_400_000));
  const requests: {
    id: string;
    memberId: string;
    versionId: string;
    code: string;
    on: string;
    points: number;
    reason: string;
  }[] = [];
  for (const p of people) {
    for (const item of MANUAL) {
      if (rnd.next() >= item.share * (opts.months / 12) && !(p.user_id && item.code === 'commitment_fulfilled'))
        continue;
      const on = addCalendarDays(first, rnd.int(0, span - 1));
      const found = ruleOn(versions, on, item.code);
      if (!found) continue;
      requests.push({
        id: rnd.uuid(),
        memberId: p.id,
        versionId: found.version.id,
        code: item.code,
        on,
        points: found.rule.points,
        reason: rnd.pick(item.reasons),
      });
    }
  }
  requests.sort((a, b) => a.on.localeCompare(b.on) || a.id.localeCompare(b.id));
  const candidates: (GrantCandidate & VersionedRule)[] = requests.map((r) => ({
    memberId: r.memberId,
    occurredOn: r.on,
    sourceType: 'manual',
    sourceId: r.id,
    label: r.reason,
    versionId: r.versionId,
    rule: ruleOn(versions, r.on, r.code)!.rule,
  }));
  const booked = await bookCandidates(points.core.repo, tx, { candidates, versions, by: ADMIN });
  const entryOf = new Map(booked.booked.map((e) => [e.sourceId, e.id]));
  // Two requests still waiting for approval (with evidence to be attached), in the 星光集团 branches.
  const waiting = people.filter((p) =>
    opts.branches.some((b) => b.key.startsWith('xingguang') && p.org_path.startsWith(b.path)),
  );
  const pending = [waiting[3], waiting[11]].filter(Boolean).map((p, i) => ({
    id: rnd.uuid(),
    memberId: p!.id,
    versionId: ruleOn(versions, opts.today, i === 0 ? 'commended' : 'urgent_task')!.version.id,
    code: i === 0 ? 'commended' : 'urgent_task',
    on: addCalendarDays(opts.today, -3 - i),
    points: i === 0 ? 5 : 2,
    reason: i === 0 ? '获评旗级“优秀共产党员”（待上传表彰文件）' : '参加冬季供暖保障突击队',
  }));
  const rows = [
    ...requests.map((r) => ({ ...r, status: 'approved', entry: entryOf.get(r.id) ?? null })),
    ...pending.map((r) => ({ ...r, status: 'pending', entry: null })),
  ];
  for (let i = 0; i < rows.length; i += 1000) {
    const part = rows.slice(i, i + 1000).map((r) => ({
      id: r.id,
      member_id: r.memberId,
      rule_version_id: r.versionId,
      rule_code: r.code,
      occurred_on: r.on,
      points: r.points,
      reason: r.reason,
      status: r.status,
      entry_id: r.entry,
      decided: r.status === 'approved',
    }));
    await tx.execute(
      sql`insert into point_grant_requests (id, member_id, rule_version_id, rule_code, occurred_on, points, reason, status,
          requested_by_name, created_at, decided_by_name, decided_at, entry_id)
        select id, member_id, rule_version_id, rule_code, occurred_on, points, reason, status, '张丽',
          (occurred_on + time '10:00') at time zone 'Asia/Shanghai',
          case when decided then ${ADMIN.name} end,
          case when decided then (occurred_on + 1 + time '09:30') at time zone 'Asia/Shanghai' end, entry_id
        from json_to_recordset(${JSON.stringify(part)}::json) as x(id uuid, member_id uuid, rule_version_id uuid,
          rule_code text, occurred_on date, points int, reason text, status text, entry_id uuid, decided boolean)`,
    );
  }

  // Exemptions: a few members long ill or disabled (elderly members are exempt by age without a record).
  const exempted = people.filter((_, i) => i % 170 === 7).slice(0, 10);
  if (exempted.length)
    await tx.execute(
      sql`insert into point_exemptions (id, member_id, category, starts_on, ends_on, reason, created_by_name)
        select id, member_id, category, starts_on, null, reason, '张丽'
        from json_to_recordset(${JSON.stringify(
          exempted.map((p, i) => ({
            id: rnd.uuid(),
            member_id: p.id,
            category: i % 3 === 2 ? 'disabled' : 'long_ill',
            starts_on: `${months[0]}-01`,
            reason: i % 3 === 2 ? '行动不便，经支部委员会研究同意免于扣分' : '长期患病，经支部委员会研究同意免于扣分',
          })),
        )}::json) as x(id uuid, member_id uuid, category text, starts_on date, reason text)`,
    );

  // Publications: the zone publishes each month on the 5th of the next, up to last month.
  const published: { id: string; period: string }[] = [];
  for (const month of months.slice(0, -1)) {
    const next = addCalendarDays(`${month}-28`, 8).slice(0, 7);
    const at = new Date(`${next}-05T10:00:00+08:00`);
    const done = await points.publication.publishIn(tx, ctx, {
      orgId: opts.rootId,
      orgPath: opts.rootPath,
      period: month,
      by: ADMIN,
      note: `${Number(month.slice(5))}月党员积分公示，对积分有异议的请在公示期内通过“红色引擎”手机端提出`,
      at,
    });
    published.push({ id: done.id, period: month });
  }

  // Objections on the last publications: two answered (one upheld and corrected), one waiting.
  const objections = await seedObjections(tx, points, rnd, published.slice(-2));

  audit.record({
    action: 'points.seeded',
    entity: 'point_period',
    entityId: periodKeyOf('year', opts.today),
    orgPath: opts.rootPath,
    after: {
      months: months.length,
      automaticEntries: automatic,
      manualEntries: booked.booked.length,
      pendingRequests: pending.length,
      exemptions: exempted.length,
      publications: published.length,
      objections,
    },
    actor: { id: null, name: 'seed' },
  });
}

async function seedObjections(
  tx: Tx,
  points: ReturnType<typeof createPointsModule>,
  rnd: Random,
  publications: { id: string; period: string }[],
) {
  if (publications.length === 0) return 0;
  const texts = [
    {
      text: '10月12日的主题党日我请过假并经书记同意，不应记为无故缺席，请核实。',
      upheld: true,
      answer: '经核实，您当天的请假已获支部书记口头同意，系统中补录了请假审批，已更正该条扣分。',
    },
    {
      text: '9月份参加了两次社区志愿服务，积分里只看到一次。',
      upheld: false,
      answer: '经核实，另一次服务社区尚未确认时长，确认后将在下次计分时自动计入，请留意。',
    },
    { text: '本月党小组会我是补签的，想确认是否计分。', upheld: null, answer: null },
  ];
  let n = 0;
  for (const [i, t] of texts.entries()) {
    const pub = publications[Math.min(i, publications.length - 1)]!;
    const period = pub.period;
    const wanted = t.upheld ? 'absence_without_leave' : t.upheld === false ? 'volunteer_hours' : 'attendance';
    const [entry] = await queryRows<{ id: string; member_id: string }>(
      tx,
      sql`select e.id, e.member_id from point_entries e
        where e.source_type = ${wanted} and e.period_key like ${`${period}%`} and e.points <> 0
        order by e.id limit 1 offset ${rnd.int(0, 5)}`,
    );
    if (!entry) continue;
    const id = rnd.uuid();
    const [pubRow] = await queryRows<{ published_at: Date | string }>(
      tx,
      sql`select published_at from point_publications where id = ${pub.id}`,
    );
    const at = new Date(pubRow!.published_at);
    await tx.execute(
      sql`insert into point_objections (id, publication_id, member_id, entry_id, text, status, upheld, answer,
          answered_by_name, answered_at, created_at)
        values (${id}, ${pub.id}, ${entry.member_id}, ${entry.id}, ${t.text}, ${t.answer ? 'answered' : 'pending'},
          ${t.upheld}, ${t.answer}, ${t.answer ? '张丽' : null},
          ${t.answer ? new Date(at.getTime() + 3 * 86_400_000).toISOString() : null}::timestamptz,
          ${new Date(at.getTime() + 86_400_000).toISOString()}::timestamptz)`,
    );
    if (t.upheld) {
      const view = await points.core.repo.entry(entry.id, tx);
      if (view && !view.reversed_by) {
        await reverseEntries(points.core.repo, tx, {
          entries: [view],
          reason: `异议成立：请假已获批准，更正无故缺席扣分（异议 ${id.slice(0, 8)}）`,
          by: { id: null, name: '张丽' },
        });
      }
    }
    n++;
  }
  return n;
}
