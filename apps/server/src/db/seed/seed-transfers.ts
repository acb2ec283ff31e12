import { type IncomingMember, idNumberCheckChar } from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import type { Config } from '../../config.js';
import { encryptText } from '../../core/crypto.js';
import type { AuditRecorder } from '../../core/transaction.js';
import { createMemberService, idNumberHash } from '../../modules/member/index.js';
import { addDays, approvalChain, formatLetterNo } from '../../modules/transfer/transfer.policy.js';
import type { Db, Tx } from '../client.js';
import { queryRows } from '../rows.js';
import { transferSteps, transfers } from '../schema/index.js';
import type { Random } from './random.js';
import type { SeedBranch } from './seed-members.js';

type Step = 'approved' | 'rejected' | 'pending';

/**
 * A handful of transfers in every state, consistent with the member events: two in transit inside the zone at
 * different approval steps, one overdue, one out of the zone completed with its letter and receipt (the member's
 * `transferred_out` event is recorded through the member module), one rejected, and one into the zone pending for a
 * person not on record yet (their fields sealed until the last approval).
 */
export async function seedTransfers(
  tx: Tx,
  audit: AuditRecorder,
  rnd: Random,
  opts: {
    branches: SeedBranch[];
    admin: { id: string; displayName: string };
    dataKey: Buffer;
    today: string;
  },
): Promise<number> {
  const { today, dataKey, admin } = opts;
  const byKey = new Map(opts.branches.map((b) => [b.key, b]));
  const members = createMemberService({
    db: tx as unknown as Db,
    config: { dataKey } as Config,
    today: () => today,
  });
  /** An active, reachable member of a branch whose history ends before a date (deterministic: lowest id). */
  const memberOf = async (key: string, before: string) => {
    const branch = byKey.get(key)!;
    const [row] = await queryRows<{ id: string; name: string }>(
      tx,
      sql`select m.id, m.name from members m
        where m.org_id = ${branch.id} and m.status = 'active' and m.user_id is null
          and not m.lost_contact and not m.flowing
          and (select max(e.effective_date) from member_events e where e.member_id = m.id) < ${before}::date
        order by m.id limit 1`,
    );
    return row ? { ...row, branch } : null;
  };
  let count = 0;
  const add = async (
    row: Omit<typeof transfers.$inferInsert, 'id' | 'requestedById' | 'requestedByName' | 'letterValidDays'> & {
      letterValidDays?: number;
    },
    steps: Step[],
    stepDates: string[] = [],
  ) => {
    const id = rnd.uuid();
    const from = row.fromOrgId ? opts.branches.find((b) => b.id === row.fromOrgId)!.path : null;
    const to = row.toOrgId ? opts.branches.find((b) => b.id === row.toOrgId)!.path : null;
    const chain = approvalChain(row.kind as 'within_zone', from, to)!;
    await tx.insert(transfers).values({
      id,
      letterValidDays: 30,
      requestedById: admin.id,
      requestedByName: admin.displayName,
      ...row,
    });
    await tx.insert(transferSteps).values(
      chain.map((orgId, i) => {
        const status = steps[i] ?? 'pending';
        return {
          id: rnd.uuid(),
          transferId: id,
          stepNo: i + 1,
          orgId,
          status,
          ...(status === 'pending'
            ? {}
            : {
                actorId: admin.id,
                actorName: admin.displayName,
                actedAt: new Date(`${stepDates[i] ?? row.requestedOn}T09:30:00+08:00`),
                comment: status === 'rejected' ? (row.rejectionReason ?? null) : '同意',
              }),
        };
      }),
    );
    audit.record({
      action: 'transfer.create',
      entity: 'transfer',
      entityId: id,
      orgPath: from ?? to,
      after: { kind: row.kind, status: row.status, memberId: row.memberId, steps: chain },
      actor: { id: null, name: 'seed' },
    });
    count++;
    return { id, chain };
  };

  // In transit inside the zone: 星光集团焦化厂 → 双欣集团热电分公司 (星光党委 → 党工委 → 双欣党委), at step 1.
  const a = await memberOf('xingguang-2', addDays(today, -5));
  if (a)
    await add(
      {
        kind: 'within_zone',
        status: 'pending',
        memberId: a.id,
        memberName: a.name,
        fromOrgId: a.branch.id,
        toOrgId: byKey.get('shuangxin-3')!.id,
        reason: '工作调动',
        requestedOn: addDays(today, -5),
      },
      [],
    );
  // In transit: 开发区财政局 → 新华社区 (机关党委 approved, 党工委 pending, then 社区党委).
  const b = await memberOf('gov-3', addDays(today, -12));
  if (b)
    await add(
      {
        kind: 'within_zone',
        status: 'pending',
        memberId: b.id,
        memberName: b.name,
        fromOrgId: b.branch.id,
        toOrgId: byKey.get('com-2')!.id,
        reason: '经常居住地变动',
        requestedOn: addDays(today, -12),
      },
      ['approved'],
      [addDays(today, -10)],
    );
  // Overdue: requested 45 days ago inside 蒙西集团, never approved.
  const c = await memberOf('mengxi-1', addDays(today, -45));
  if (c)
    await add(
      {
        kind: 'within_zone',
        status: 'pending',
        memberId: c.id,
        memberName: c.name,
        fromOrgId: c.branch.id,
        toOrgId: byKey.get('mengxi-2')!.id,
        reason: '岗位调整',
        requestedOn: addDays(today, -45),
      },
      [],
    );
  // Out of the zone, completed: letter issued 50 days ago, receipt back 35 days ago.
  const d = await memberOf('junzheng-2', addDays(today, -60));
  if (d) {
    const issuedOn = addDays(today, -50);
    const letterNo = formatLetterNo(Number(issuedOn.slice(0, 4)), 1);
    const destination = '中共鄂尔多斯市东胜区委员会组织部（转东胜区天骄街道党工委）';
    await add(
      {
        kind: 'out_of_zone',
        status: 'completed',
        memberId: d.id,
        memberName: d.name,
        fromOrgId: d.branch.id,
        destination,
        reason: '工作调动，调往东胜区工作',
        requestedOn: addDays(today, -60),
        letterNo,
        letterIssuedOn: issuedOn,
        letterValidUntil: addDays(issuedOn, 30),
        issuingOrgId: d.branch.path.split('/')[0]!,
        duesPaidUntil: issuedOn.slice(0, 7),
        receiptOn: addDays(today, -35),
        completedOn: issuedOn,
      },
      ['approved', 'approved'],
      [addDays(today, -55), issuedOn],
    );
    await members.recordEventInTx(
      tx,
      audit,
      d.id,
      {
        type: 'transferred_out',
        effectiveDate: issuedOn,
        details: { destination, documentNo: letterNo, reason: '工作调动，调往东胜区工作' },
      },
      admin.displayName,
    );
  }
  // Rejected at the first step: 电冶公司硅铁一分厂 → 亿利化工公司 (电冶党委 rejects).
  const e = await memberOf('dianye-1', addDays(today, -20));
  if (e)
    await add(
      {
        kind: 'within_zone',
        status: 'rejected',
        memberId: e.id,
        memberName: e.name,
        fromOrgId: e.branch.id,
        toOrgId: byKey.get('sme-3')!.id,
        reason: '工作调动',
        requestedOn: addDays(today, -20),
        rejectionReason: '接收单位尚未确认录用，请补充劳动合同后重新申请',
      },
      ['rejected'],
      [addDays(today, -18)],
    );
  // Into the zone, pending: a person from 包头 not on record, received by 棋盘井社区党支部 (社区党委 approves).
  const first17 = '15020319880612231';
  const idNumber = first17 + idNumberCheckChar(first17);
  const incoming: IncomingMember = {
    name: '高志远',
    gender: 'male',
    idNumber,
    ethnicity: '01',
    birthDate: '1988-06-12',
    education: '21',
    jobCategory: 'worker',
    phone: '13947712345',
    category: 'full',
    joinDate: '2012-06-20',
    fullMemberDate: '2013-06-25',
    workUnit: '棋盘井镇商户',
  };
  await add(
    {
      kind: 'into_zone',
      status: 'pending',
      memberName: incoming.name,
      toOrgId: byKey.get('com-1')!.id,
      source: '中共包头市昆都仑区少先路街道工作委员会',
      sourceLetterNo: `包昆党转〔${today.slice(0, 4)}〕0087号`,
      reason: '经常居住地变动，迁居棋盘井镇',
      requestedOn: addDays(today, -3),
      duesPaidUntil: addDays(today, -30).slice(0, 7),
      incomingMemberEnc: encryptText(dataKey, JSON.stringify(incoming)),
      incomingIdHash: idNumberHash(dataKey, idNumber),
    },
    [],
  );
  return count;
}
