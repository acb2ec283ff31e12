import {
  DEFAULT_SATISFACTION_THRESHOLDS,
  MEMBER_GRADES,
  type MemberGrade,
  SECRETARY_CHOICES,
  type SecretaryChoice,
  secretaryResult,
  suggestGrades,
} from '@red-engine/shared';
import { getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { AuditRecorder } from '../../core/transaction.js';
import { materializeRoll, secretarySubjects } from '../../modules/evaluation/evaluation.candidates.js';
import { DEFAULT_ITEMS, defaultTitle, itemsOf } from '../../modules/evaluation/evaluation.policy.js';
import type { Tx } from '../client.js';
import { queryRows } from '../rows.js';
import {
  ballotChoices,
  ballotReceipts,
  evaluationAttachments,
  evaluationCampaigns,
  evaluationRectifications,
  evaluationSubjects,
  evaluationVoters,
  storedFiles,
} from '../schema/index.js';
import type { Random } from './random.js';
import {
  commentText,
  peerSummaryText,
  RECTIFICATIONS,
  reportText,
  selfAssessmentText,
} from './seed-evaluation-text.js';
import type { SeedBranch } from './seed-members.js';

type OrgRef = { id: string; path: string };
type Subject = typeof evaluationSubjects.$inferInsert;
type Settings = (typeof evaluationCampaigns.$inferInsert)['settings'];

/** Days before today of the open rectification items' due dates (negative: still to come). */
const OPEN_DUE = [45, -4, 12, -30, -80, -2];

const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);
const pad = (n: number) => String(n).padStart(2, '0');

/** The 洗煤厂 branch's secretary seat is the demo account 张丽, so she reports in the demo 述职评议 herself. */
export async function linkDemoSecretary(tx: Tx, orgs: Map<string, OrgRef>) {
  const branch = orgs.get('xingguang-1');
  if (!branch) return;
  const [m] = await queryRows<{ id: string; name: string }>(
    tx,
    sql`select m.id, m.name from members m join users u on u.id = m.user_id where u.username = 'secretary'`,
  );
  if (!m) return;
  await tx.execute(sql`update committee_members set member_id = ${m.id}, name = ${m.name} where position = 'secretary'
    and committee_id in (select id from committees where org_id = ${branch.id} and is_current)`);
  await tx.execute(sql`update organizations set secretary_name = ${m.name} where id = ${branch.id}`);
}

/**
 * 述职评议 and 民主评议 demo: last year's completed 述职评议 of the 星光集团党委 (reports, ballots, results, 点评,
 * rectification items some closed), last year's confirmed 民主评议 of every branch ('year') or of the 星光 branches
 * ('recent', for tests), and — from October on — this year's 述职评议 in voting and the 洗煤厂 民主评议 being
 * prepared. Ballots are generated per campaign and inserted shuffled in bulk; one audit event per campaign.
 */
export async function seedEvaluation(
  tx: Tx,
  audit: AuditRecorder,
  rnd: Random,
  opts: { branches: SeedBranch[]; orgs: Map<string, OrgRef>; today: string; full: boolean },
) {
  const year = Number(opts.today.slice(0, 4));
  const last = year - 1;
  const xingguang = opts.orgs.get('xingguang');
  const pdf = await demoPdf(tx);
  if (xingguang) await secretaryReview(tx, audit, rnd, xingguang, last, 'closed', opts, pdf);
  const branches = opts.full ? opts.branches : opts.branches.filter((b) => b.path.startsWith(xingguang?.path ?? '-'));
  await memberEvaluations(tx, audit, rnd, branches, last, 'confirmed', opts);
  if (Number(opts.today.slice(5, 7)) >= 10) {
    if (xingguang) await secretaryReview(tx, audit, rnd, xingguang, year, 'voting', opts, pdf);
    const washery = opts.branches.find((b) => b.key === 'xingguang-1');
    if (washery) await memberEvaluations(tx, audit, rnd, [washery], year, 'preparing', opts);
  }
}

async function demoPdf(tx: Tx) {
  const bytes = Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
  const { createHash } = await import('node:crypto');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await tx
    .insert(storedFiles)
    .values({ sha256, size: bytes.byteLength, contentType: 'application/pdf', bytes })
    .onConflictDoNothing();
  return { sha256, size: bytes.byteLength };
}

async function insertChunks<T extends PgTable>(tx: Tx, table: T, rows: T['$inferInsert'][], size = 5000) {
  if (rows.length === 0) return;
  const present = new Set(rows.flatMap((r) => Object.keys(r as object)));
  const cols = Object.entries(getTableColumns(table)).filter(([key]) => present.has(key));
  const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const target = cols.map(([key]) => snake(key)).join(', ');
  const source = cols.map(([key]) => `"${key}"`).join(', ');
  const record = cols.map(([key, col]) => `"${key}" ${col.getSQLType()}`).join(', ');
  for (let i = 0; i < rows.length; i += size) {
    const json = JSON.stringify(rows.slice(i, i + size));
    await tx.execute(
      sql`insert into ${table} (${sql.raw(target)}) select ${sql.raw(source)} from json_to_recordset(${json}::json) as x(${sql.raw(record)})`,
    );
  }
}

function shuffle<T>(rnd: Random, list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rnd.next() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

/** A choice from weights over the ordered choices (best first). */
function weighted<T extends string>(rnd: Random, choices: readonly T[], weights: readonly number[]): T {
  let x = rnd.next() * weights.reduce((a, b) => a + b, 0);
  for (const [i, w] of weights.entries()) {
    x -= w;
    if (x <= 0) return choices[i]!;
  }
  return choices[choices.length - 1]!;
}

/** Minutes into the Beijing working day between two dates, for receipt times. */
function castTime(rnd: Random, from: string, days: number) {
  const day = new Date(Date.parse(`${from}T00:00:00Z`) + rnd.int(0, Math.max(0, days)) * 86_400_000);
  const d = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
  return at(d, `${pad(rnd.int(8, 20))}:${pad(rnd.int(0, 59))}`);
}

async function insertCampaign(
  tx: Tx,
  rnd: Random,
  c: {
    kind: 'secretary_review' | 'member_evaluation';
    org: OrgRef;
    year: number;
    status: string;
    settings: Settings;
    dates: Partial<Record<'votingOpenedAt' | 'votingClosedAt' | 'submittedAt' | 'confirmedAt', Date>>;
  },
) {
  const id = rnd.uuid();
  await tx.insert(evaluationCampaigns).values({
    id,
    kind: c.kind,
    orgId: c.org.id,
    orgPath: c.org.path,
    year: c.year,
    title: defaultTitle(c.kind, c.year),
    status: c.status,
    startsOn: c.kind === 'secretary_review' ? `${c.year}-11-01` : `${c.year}-12-01`,
    endsOn: `${c.year}-12-31`,
    settings: c.settings,
    ...c.dates,
    ...(c.status === 'confirmed' ? { confirmedByName: '王建华' } : {}),
    createdAt: at(`${c.year}-${c.kind === 'secretary_review' ? '10-28' : '11-25'}`, '09:00'),
  });
  return id;
}

/** Receipts and shuffled choices of one campaign in bulk. */
async function insertBallots(
  tx: Tx,
  rnd: Random,
  campaignId: string,
  receipts: { memberId: string; castAt: Date }[],
  choices: { subjectId: string; item: string; choice: string }[],
) {
  await insertChunks(
    tx,
    ballotReceipts,
    receipts.map((r) => ({ campaignId, memberId: r.memberId, keyHash: rnd.uuid(), castAt: r.castAt })),
  );
  await insertChunks(
    tx,
    ballotChoices,
    shuffle(rnd, choices).map((c) => ({ id: rnd.uuid(), campaignId, ...c })),
  );
}

async function secretaryReview(
  tx: Tx,
  audit: AuditRecorder,
  rnd: Random,
  org: OrgRef,
  year: number,
  status: 'closed' | 'voting',
  opts: { today: string; orgs: Map<string, OrgRef> },
  pdf: { sha256: string; size: number },
) {
  const closed = status === 'closed';
  const openedOn = closed ? `${year}-12-10` : isoDaysBefore(opts.today, 2);
  const orgRow = (
    await queryRows<{ id: string; path: string; type: string; status: string; name: string }>(
      tx,
      sql`select id, path, type, status, name from organizations where id = ${org.id}`,
    )
  )[0]!;
  const office = opts.orgs.get('xingguang-5');
  const reps = office
    ? await queryRows<{ id: string }>(
        tx,
        sql`select id from members where org_id = ${office.id} and status = 'active' and category = 'full'
          and user_id is null order by id_number_hash limit 4`,
      )
    : [];
  const settings: Settings = {
    voters: { branchMembers: true, superiorCommittee: true, representativeIds: reps.map((r) => r.id) },
    items: itemsOf(DEFAULT_ITEMS),
    thresholds: DEFAULT_SATISFACTION_THRESHOLDS,
    probationaryVote: false,
  };
  const id = await insertCampaign(tx, rnd, {
    kind: 'secretary_review',
    org,
    year,
    status,
    settings,
    dates: {
      votingOpenedAt: at(openedOn, '09:00'),
      ...(closed ? { votingClosedAt: at(`${year}-12-20`, '17:30') } : {}),
    },
  });
  const subjects = (await secretarySubjects(tx, id, orgRow, undefined)).map((s) => ({
    ...s,
    id: rnd.uuid(),
  }));
  const orgName = new Map(
    (
      await queryRows<{ id: string; name: string }>(
        tx,
        sql`select id, name from organizations where parent_id = ${org.id}`,
      )
    ).map((o) => [o.id, o.name]),
  );
  for (const s of subjects) {
    // In this year's review a few secretaries have not reported yet.
    const reported = closed || rnd.next() < 0.8 || s.memberId;
    s.report = reported ? reportText(rnd, orgName.get(s.orgId) ?? '') : null;
    s.reportSubmittedAt = reported
      ? at(closed ? `${year}-12-0${rnd.int(1, 8)}` : isoDaysBefore(opts.today, rnd.int(3, 9)), '10:00')
      : null;
    s.reportByName = reported ? s.name : null;
  }
  await insertChunks(tx, evaluationSubjects, subjects);
  await insertChunks(
    tx,
    evaluationAttachments,
    subjects
      .filter((s) => s.report)
      .map((s) => ({
        id: rnd.uuid(),
        campaignId: id,
        subjectId: s.id!,
        fileName: `${s.name}述职报告.pdf`,
        sha256: pdf.sha256,
        size: pdf.size,
        contentType: 'application/pdf',
        uploadedByName: s.name,
        uploadedAt: s.reportSubmittedAt!,
      })),
  );
  const eligible = await materializeRoll(tx, { id, kind: 'secretary_review', orgId: org.id, settings });
  const roll = await queryRows<{ member_id: string; subject_id: string | null; has_user: boolean }>(
    tx,
    sql`select v.member_id, v.subject_id, (m.user_id is not null) as has_user from evaluation_voters v
      join members m on m.id = v.member_id where v.campaign_id = ${id} order by m.id_number_hash`,
  );
  // Quality per secretary: most 好 or 较好, one weaker, so the results and the rectification list have a spread.
  const weights = new Map<string, number[]>(
    subjects.map((s, i) => [
      s.id!,
      i === 3 ? [0.35, 0.3, 0.25, 0.1] : i % 3 === 0 ? [0.8, 0.17, 0.03, 0] : [0.6, 0.3, 0.09, 0.01],
    ]),
  );
  const receipts: { memberId: string; castAt: Date }[] = [];
  const choices: { subjectId: string; item: string; choice: string }[] = [];
  for (const v of roll) {
    // Demo accounts keep their ballot for the demo; this year's vote is under way.
    if (v.has_user || rnd.next() > (closed ? 0.92 : 0.45)) continue;
    receipts.push({ memberId: v.member_id, castAt: castTime(rnd, openedOn, closed ? 9 : 1) });
    for (const s of subjects) {
      if (v.subject_id && v.subject_id !== s.id) continue;
      const w = weights.get(s.id!)!;
      const overall = weighted(rnd, SECRETARY_CHOICES, w);
      choices.push({ subjectId: s.id!, item: '', choice: overall });
      for (const it of settings.items)
        choices.push({
          subjectId: s.id!,
          item: it.key,
          choice: rnd.next() < 0.7 ? overall : weighted(rnd, SECRETARY_CHOICES, w),
        });
    }
  }
  await insertBallots(tx, rnd, id, receipts, choices);
  let rectifications = 0;
  if (closed) {
    const tally = new Map<string, Record<SecretaryChoice, number>>();
    for (const c of choices) {
      if (c.item) continue;
      const t = tally.get(c.subjectId) ?? { good: 0, fairly_good: 0, average: 0, poor: 0 };
      t[c.choice as SecretaryChoice] += 1;
      tally.set(c.subjectId, t);
    }
    const items: (typeof evaluationRectifications.$inferInsert)[] = [];
    const results: { id: string; grade: string | null; comment: string; at: Date }[] = [];
    let open = 0;
    for (const [i, s] of subjects.entries()) {
      const t = tally.get(s.id!) ?? { good: 0, fairly_good: 0, average: 0, poor: 0 };
      const grade = secretaryResult(t, DEFAULT_SATISFACTION_THRESHOLDS).grade;
      results.push({
        id: s.id!,
        grade,
        comment: commentText(rnd, grade),
        at: at(`${year}-12-2${rnd.int(2, 8)}`, '15:00'),
      });
      // A rectification item for every other secretary, two for the weakest; the older ones mostly closed.
      const n = grade === 'good' ? (i % 2 === 0 ? 1 : 0) : 2;
      for (let k = 0; k < n; k++) {
        const r = RECTIFICATIONS[(i + k) % RECTIFICATIONS.length]!;
        const closing = rnd.next() < 0.55;
        // Open items cycle through overdue, due soon and on track, so the board shows each.
        const planned = isoDaysBefore(opts.today, closing ? rnd.int(40, 240) : OPEN_DUE[open++ % OPEN_DUE.length]!);
        // Due after the review ended; closed only once its day has come.
        const due = planned < `${year + 1}-01-10` ? `${year + 1}-01-10` : planned;
        const done = closing && due <= opts.today;
        const state = done ? 'closed' : rnd.next() < 0.5 ? 'in_progress' : 'open';
        items.push({
          id: rnd.uuid(),
          campaignId: id,
          subjectId: s.id!,
          orgId: s.orgId,
          orgPath: s.orgPath,
          problem: r.problem,
          measure: r.measure,
          ownerName: s.name,
          dueOn: due,
          status: state,
          progressNote: state === 'open' ? null : '已制定整改方案，正在推进落实',
          closingNote: done ? r.closing : null,
          closedAt: done ? at(due, '16:00') : null,
          closedByName: done ? s.name : null,
          createdAt: at(`${year}-12-28`, '10:00'),
          updatedAt: at(done ? due : `${year}-12-28`, '16:00'),
        });
      }
    }
    await tx.execute(sql`update evaluation_subjects s set result_grade = x.grade, comment = x.comment, commented_at = x.at,
      commented_by_name = '李志强' from json_to_recordset(${JSON.stringify(results)}::json)
      as x(id uuid, grade text, comment text, at timestamptz) where s.id = x.id`);
    await insertChunks(tx, evaluationRectifications, items);
    rectifications = items.length;
  }
  audit.record({
    action: 'evaluation.seeded',
    entity: 'evaluation_campaign',
    entityId: id,
    orgPath: org.path,
    after: {
      kind: 'secretary_review',
      year,
      status,
      subjects: subjects.length,
      eligible,
      cast: receipts.length,
      rectifications,
    },
    actor: { id: null, name: 'seed' },
  });
}

/**
 * 民主评议 of many branches at once: one query for their members, one bulk insert per table. Confirmed campaigns get
 * a roll (full members), ballots on every graded member but oneself, and grades from the median within the 1/3 rule.
 */
async function memberEvaluations(
  tx: Tx,
  audit: AuditRecorder,
  rnd: Random,
  branches: SeedBranch[],
  year: number,
  status: 'confirmed' | 'preparing',
  opts: { today: string },
) {
  if (branches.length === 0) return;
  const done = status === 'confirmed';
  const asOf = done ? `${year}-12-15` : opts.today;
  const people = await queryRows<{
    id: string;
    name: string;
    org_id: string;
    org_path: string;
    category: string;
    join_date: string | null;
    full_date: string | null;
    has_user: boolean;
  }>(
    tx,
    sql`select id, name, org_id, org_path, category, join_date::text as join_date, full_member_date::text as full_date,
        (user_id is not null) as has_user
      from members where status = 'active' and not lost_contact and category is not null
        and org_id in (${sql.join(
          branches.map((b) => sql`${b.id}`),
          sql`, `,
        )})
      order by name_pinyin, name, id`,
  );
  const byBranch = new Map<string, typeof people>();
  for (const p of people) byBranch.set(p.org_id, [...(byBranch.get(p.org_id) ?? []), p]);
  const settings: Settings = { items: [], probationaryVote: false, excellentDenominator: 3 };
  const campaigns: (typeof evaluationCampaigns.$inferInsert)[] = [];
  const subjects: Subject[] = [];
  const voters: (typeof evaluationVoters.$inferInsert)[] = [];
  const receipts: (typeof ballotReceipts.$inferInsert)[] = [];
  const choices: (typeof ballotChoices.$inferInsert)[] = [];
  for (const branch of branches) {
    const members = (byBranch.get(branch.id) ?? []).filter((m) => !m.join_date || m.join_date <= asOf);
    if (members.length === 0) continue;
    const id = rnd.uuid();
    campaigns.push({
      id,
      kind: 'member_evaluation',
      orgId: branch.id,
      orgPath: branch.path,
      year,
      title: defaultTitle('member_evaluation', year),
      status,
      startsOn: `${year}-12-01`,
      endsOn: `${year}-12-31`,
      settings,
      createdAt: at(`${year}-11-25`, '09:00'),
      ...(done
        ? {
            votingOpenedAt: at(`${year}-12-15`, '14:30'),
            votingClosedAt: at(`${year}-12-15`, '17:00'),
            submittedAt: at(`${year}-12-18`, '10:00'),
            confirmedAt: at(`${year}-12-26`, '11:00'),
            confirmedByName: '王建华',
          }
        : {}),
    });
    const mine: Subject[] = members.map((m, i) => {
      const full = m.category === 'full' && (!m.full_date || m.full_date <= asOf);
      const writes = !m.has_user && rnd.next() < (done ? 0.95 : 0.5);
      return {
        id: rnd.uuid(),
        campaignId: id,
        orgId: m.org_id,
        orgPath: m.org_path,
        memberId: m.id,
        name: m.name,
        position: null,
        category: full ? 'full' : 'probationary',
        graded: full,
        sortOrder: i + 1,
        selfAssessment: writes ? selfAssessmentText(rnd) : null,
        selfSubmittedAt: writes
          ? at(done ? `${year}-12-0${rnd.int(2, 9)}` : isoDaysBefore(opts.today, rnd.int(0, 4)), '20:00')
          : null,
        peerSummary: done && rnd.next() < 0.6 ? peerSummaryText(rnd) : null,
      };
    });
    subjects.push(...mine);
    if (!done) continue;
    const graded = mine.filter((s) => s.graded);
    // About a fifth of each branch stand out (most of their ballots 优秀), now and then one falls behind.
    const order = shuffle(rnd, [...graded]);
    const stars = graded.length >= 3 ? Math.max(1, Math.round(graded.length * 0.2)) : 0;
    const weak = graded.length >= 5 && rnd.next() < 0.3 ? order[order.length - 1]!.id : null;
    const quality = new Map(
      graded.map((s) => [s.id!, order.indexOf(s) < stars ? 'star' : s.id === weak ? 'weak' : 'normal']),
    );
    const tallies = new Map(
      graded.map((s) => [s.id!, { excellent: 0, qualified: 0, basically_qualified: 0, unqualified: 0 }]),
    );
    const ballots: (typeof ballotChoices.$inferInsert)[] = [];
    for (const voter of graded) {
      voters.push({
        campaignId: id,
        memberId: voter.memberId!,
        orgId: voter.orgId,
        orgPath: voter.orgPath,
        source: 'member',
      });
      if (rnd.next() > 0.93) continue;
      receipts.push({
        campaignId: id,
        memberId: voter.memberId!,
        keyHash: rnd.uuid(),
        castAt: at(`${year}-12-15`, `${pad(rnd.int(14, 16))}:${pad(rnd.int(0, 59))}`),
      });
      for (const s of graded) {
        if (s.id === voter.id) continue;
        const q = quality.get(s.id!)!;
        const w = q === 'star' ? [0.75, 0.25, 0, 0] : q === 'weak' ? [0, 0.45, 0.45, 0.1] : [0.06, 0.9, 0.04, 0];
        const g = weighted(rnd, MEMBER_GRADES, w);
        ballots.push({ id: rnd.uuid(), campaignId: id, subjectId: s.id!, item: '', choice: g });
        tallies.get(s.id!)![g] += 1;
      }
    }
    choices.push(...shuffle(rnd, ballots));
    const suggested = suggestGrades(
      graded.map((s) => ({ id: s.id!, tally: tallies.get(s.id!)! })),
      3,
    );
    for (const s of graded) {
      const g: MemberGrade = suggested.get(s.id!) ?? 'qualified';
      s.proposedGrade = g;
      s.finalGrade = g;
    }
  }
  await insertChunks(tx, evaluationCampaigns, campaigns);
  await insertChunks(tx, evaluationSubjects, subjects);
  await insertChunks(tx, evaluationVoters, voters);
  await insertChunks(tx, ballotReceipts, receipts);
  await insertChunks(tx, ballotChoices, choices);
  for (const c of campaigns)
    audit.record({
      action: 'evaluation.seeded',
      entity: 'evaluation_campaign',
      entityId: c.id,
      orgPath: c.orgPath,
      after: {
        kind: 'member_evaluation',
        year,
        status,
        subjects: subjects.filter((s) => s.campaignId === c.id).length,
        cast: receipts.filter((r) => r.campaignId === c.id).length,
      },
      actor: { id: null, name: 'seed' },
    });
}

function isoDaysBefore(date: string, days: number) {
  const d = new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
