import {
  deriveMemberState,
  type FoldableEvent,
  MEMBER_IMPORT_COLUMNS,
  type MemberEventDetails,
  type MemberEventType,
  type UpdateMemberBody,
} from '@red-engine/shared';
import type { RequestContext } from '../../core/actor.js';
import { decryptText } from '../../core/crypto.js';
import { type LocalizedText, MESSAGES } from '../../core/messages.js';
import { inTransaction } from '../../core/transaction.js';
import {
  idNumberHash,
  isMemberOrgType,
  lifecycleColumns,
  type MemberRow,
  memberPersonalColumns,
  type NewEventRow,
  type NewMemberRow,
  nameKeys,
  newMemberEvents,
} from '../member/index.js';
import { checkMemberRow, followUpEvents, type MemberRowValue, readRow, within } from './imports.policy.js';
import type { ImportRunDeps, JobState } from './imports.service.js';
import type { SheetRow } from './imports.xlsx.js';

/** Fields of a member row as an update body that names every personal field, so empty cells clear values. */
function personalBody(b: MemberRowValue['body']): UpdateMemberBody {
  return {
    name: b.name,
    gender: b.gender,
    idNumber: b.idNumber,
    ethnicity: b.ethnicity,
    birthDate: b.birthDate,
    education: b.education,
    jobCategory: b.jobCategory,
    phone: b.phone ?? null,
    address: b.address ?? null,
    nameMongolian: b.nameMongolian ?? '',
    nativePlace: b.nativePlace ?? '',
    degree: b.degree ?? '',
    title: b.title ?? '',
    workUnit: b.workUnit ?? '',
    workPost: b.workPost ?? '',
    talentFlags: b.talentFlags ?? [],
    tags: b.tags ?? [],
    partyPosts: b.partyPosts ?? [],
  };
}

const sameList = (a: readonly string[] | null | undefined, b: readonly string[] | null | undefined) =>
  JSON.stringify([...new Set(a ?? [])]) === JSON.stringify([...new Set(b ?? [])]);

/** True when the row would change nothing of the member's personal record. */
function samePersonal(row: MemberRow, b: MemberRowValue['body'], dataKey: Buffer): boolean {
  const plain = (sealed: string | null) => (sealed ? decryptText(dataKey, sealed) : null);
  return (
    row.name === b.name &&
    row.gender === b.gender &&
    row.ethnicity === b.ethnicity &&
    row.birthDate === b.birthDate &&
    row.education === b.education &&
    row.jobCategory === b.jobCategory &&
    (row.nameMongolian ?? null) === (b.nameMongolian || null) &&
    (row.nativePlace ?? null) === (b.nativePlace || null) &&
    (row.degree ?? null) === (b.degree || null) &&
    (row.title ?? null) === (b.title || null) &&
    (row.workUnit ?? null) === (b.workUnit || null) &&
    (row.workPost ?? null) === (b.workPost || null) &&
    sameList(row.talentFlags, b.talentFlags) &&
    sameList(row.tags, b.tags) &&
    sameList(row.partyPosts, b.partyPosts) &&
    plain(row.phoneEnc) === (b.phone ?? null) &&
    plain(row.addressEnc) === (b.address ?? null)
  );
}

type PlannedMember = {
  row: number;
  kind: 'create' | 'update' | 'unchanged';
  value: MemberRowValue;
  hash: string;
  existing?: MemberRow;
  org: { id: string; path: string; name: string };
  events?: NewEventRow[];
};

export async function runMembers(deps: ImportRunDeps, ctx: RequestContext, job: JobState, file: Buffer) {
  const {
    db,
    repo,
    dataKey,
    today,
    setProgress,
    readSheet,
    addError,
    recordWithoutWrites,
    jobRow,
    asActor,
    auditAfter,
  } = deps;
  const sheet = await readSheet(job, file);
  if (!sheet) return;
  const { rows, header, date1904, letters } = sheet;
  const now = today();
  const checked: { row: number; value: MemberRowValue; hash: string }[] = [];
  const seen = new Map<string, number>();
  setProgress(job, 'validating', 0, rows.length);
  const checkRow = (r: SheetRow, i: number) => {
    const cells = readRow(r, header, date1904);
    const res = 'problem' in cells ? cells : checkMemberRow(cells.values, MEMBER_IMPORT_COLUMNS, now);
    if ('problem' in res) return addError(job, header, r.row, res.problem, letters);
    const hash = idNumberHash(dataKey, res.value.body.idNumber);
    const first = seen.get(hash);
    if (first !== undefined)
      return addError(job, header, r.row, { key: 'idNumber', text: MESSAGES.importDuplicateInFile(first) }, letters);
    seen.set(hash, r.row);
    checked.push({ row: r.row, value: res.value, hash });
    if (i % 1000 === 0) setProgress(job, 'validating', Math.floor(i / 2), rows.length);
  };
  for (const [i, r] of rows.entries()) checkRow(r, i);

  // What the rows name in the database: branches (by name or code) and members already on record.
  const names = [...new Set(checked.filter((c) => !c.value.orgCode).map((c) => c.value.orgName))];
  const codes = [...new Set(checked.flatMap((c) => (c.value.orgCode ? [c.value.orgCode] : [])))];
  const orgs = await repo.orgsByNamesOrCodes(names, codes);
  const byName = new Map<string, typeof orgs>();
  const byCode = new Map<string, (typeof orgs)[number]>();
  for (const o of orgs) {
    byName.set(o.name, [...(byName.get(o.name) ?? []), o]);
    if (o.code) byCode.set(o.code, o);
  }
  const existing = new Map((await repo.membersByHashes(checked.map((c) => c.hash))).map((m) => [m.idNumberHash, m]));

  const plans: PlannedMember[] = [];
  const nameCache = new Map<string, ReturnType<typeof nameKeys>>();
  const planRow = (c: (typeof checked)[number], i: number) => {
    if (i % 1000 === 0) setProgress(job, 'validating', Math.floor((checked.length + i) / 2), checked.length);
    const v = c.value;
    const err = (key: string, text: LocalizedText) => addError(job, header, c.row, { key, text }, letters);
    const orgKey = v.orgCode ? 'orgCode' : 'orgName';
    let org: (typeof orgs)[number] | undefined;
    if (v.orgCode) {
      org = byCode.get(v.orgCode);
      if (!org) return err('orgCode', MESSAGES.importBranchCodeUnknown(v.orgCode));
    } else {
      const found = (byName.get(v.orgName) ?? []).filter((o) => o.status === 'active');
      const inScope = found.filter((o) => within(job.roots, o.path));
      if (found.length === 0) return err('orgName', MESSAGES.importBranchUnknown(v.orgName));
      if (inScope.length > 1) return err('orgName', MESSAGES.importBranchAmbiguous(v.orgName));
      org = inScope[0] ?? found[0];
    }
    if (!within(job.roots, org!.path)) return err(orgKey, MESSAGES.memberOrgOutOfScope);
    if (org!.status !== 'active') return err(orgKey, MESSAGES.orgDissolved(org!.name));
    if (!isMemberOrgType(org!.type)) return err(orgKey, MESSAGES.memberOrgNotBranch);
    const target = { id: org!.id, path: org!.path, name: org!.name };
    const old = existing.get(c.hash);
    if (old) {
      if (!within(job.roots, old.orgPath)) return err('idNumber', MESSAGES.memberIdNumberTaken);
      if (old.status !== 'active') return err('idNumber', MESSAGES.importMemberNotActive);
      const differs = (key: string) => {
        const col = MEMBER_IMPORT_COLUMNS.find((x) => x.key === key)!;
        err(key, MESSAGES.importLifecycleDiffers(col.zh, col.en));
      };
      if (old.orgId !== target.id) return differs(orgKey);
      if (old.category !== v.body.category) return differs('category');
      if (old.joinDate !== v.body.joinDate) return differs('joinDate');
      if ((old.fullMemberDate ?? undefined) !== v.body.fullMemberDate) return differs('fullMemberDate');
      if (old.partyStatus !== v.partyStatus) return differs('partyStatus');
      if (old.lostContact !== v.lostContact) return differs('lostContact');
      if (old.flowing !== v.flowing) return differs('flowing');
      const kind = samePersonal(old, v.body, dataKey) ? 'unchanged' : 'update';
      plans.push({ row: c.row, kind, value: v, hash: c.hash, existing: old, org: target });
      return;
    }
    const id = crypto.randomUUID();
    const events = newMemberEvents(id, target, v.body, job.actorName);
    const basic: FoldableEvent[] = events.map((e) => ({
      type: e.type as MemberEventType,
      effectiveDate: e.effectiveDate,
      seq: e.seq,
      orgId: e.orgId ?? null,
      details: (e.details ?? {}) as MemberEventDetails,
    }));
    const more = followUpEvents(v, basic, now);
    if ('problem' in more) return err(more.problem.key, more.problem.text);
    for (const e of more.events)
      events.push({
        id: crypto.randomUUID(),
        memberId: id,
        seq: events.length + 1,
        type: e.type,
        effectiveDate: e.effectiveDate,
        orgId: target.id,
        orgPath: target.path,
        details: e.details,
        recordedBy: job.actorName,
      });
    plans.push({ row: c.row, kind: 'create', value: v, hash: c.hash, org: target, events });
  };
  for (const [i, c] of checked.entries()) planRow(c, i);
  job.counts.invalid = job.errorCount;
  job.counts.valid = plans.length;
  job.counts.created = plans.filter((p) => p.kind === 'create').length;
  job.counts.updated = plans.filter((p) => p.kind === 'update').length;
  job.counts.unchanged = plans.filter((p) => p.kind === 'unchanged').length;
  job.errors.sort((a, b) => a.row - b.row);

  if (job.mode === 'dry_run') return recordWithoutWrites(ctx, job, 'done');
  if (job.mode === 'all' && job.errorCount > 0) return recordWithoutWrites(ctx, job, 'refused');

  // Everything in one transaction: a process stopped halfway leaves nothing of the import behind.
  const writes = plans.filter((p) => p.kind !== 'unchanged');
  setProgress(job, 'writing', 0, writes.length);
  await inTransaction(db, ctx, async (tx, audit) => {
    const personal = (v: MemberRowValue) => {
      const { name, ...rest } = personalBody(v.body);
      let keys = nameCache.get(name!);
      if (!keys) {
        keys = nameKeys(name!);
        nameCache.set(name!, keys);
      }
      return { ...memberPersonalColumns(dataKey, rest), name, ...keys };
    };
    const creates = writes.filter((p) => p.kind === 'create');
    const updates = writes.filter((p) => p.kind === 'update');
    const BATCH = 2000;
    let done = 0;
    // One batch is sent while the next is prepared: the database works on the rows while we encrypt the next ones.
    let sending: Promise<void> = Promise.resolve();
    const send = async (work: () => Promise<void>, rows: number) => {
      await sending;
      const next = work().then(() => {
        done += rows;
        setProgress(job, 'writing', done, writes.length);
      });
      next.catch(() => {});
      sending = next;
    };
    for (let i = 0; i < creates.length; i += BATCH) {
      const part = creates.slice(i, i + BATCH);
      const memberRows: NewMemberRow[] = [];
      const eventRows: NewEventRow[] = [];
      for (const p of part) {
        const id = p.events![0]!.memberId;
        const state = deriveMemberState(
          p.events!.map((e) => ({
            type: e.type as MemberEventType,
            effectiveDate: e.effectiveDate,
            seq: e.seq,
            orgId: e.orgId ?? null,
            details: (e.details ?? {}) as MemberEventDetails,
          })),
        );
        memberRows.push({ ...(personal(p.value) as NewMemberRow), id, ...lifecycleColumns(state, p.org.path) });
        for (const e of p.events!) eventRows.push(e);
        job.createdIds.push(id);
      }
      await send(async () => {
        await repo.insertMembers(memberRows, tx);
        await repo.insertEvents(eventRows, tx);
      }, part.length);
    }
    for (let i = 0; i < updates.length; i += BATCH) {
      const part = updates.slice(i, i + BATCH);
      const rows = part.map((p) => ({ ...personal(p.value), id: p.existing!.id }));
      for (const p of part) job.updatedIds.push(p.existing!.id);
      await send(() => repo.updateMembers(rows, tx), part.length);
    }
    await sending;
    // The job reads as finished only once the transaction has committed (pollers must not see it earlier).
    await repo.insertJob(jobRow({ ...job, status: 'done', finishedAt: new Date() }), tx);
    audit.record({
      action: 'import.commit',
      entity: 'import_job',
      entityId: job.id,
      orgPath: job.orgPath,
      after: auditAfter(job),
      ...asActor(ctx, job),
    });
  });
  Object.assign(job, {
    status: 'done',
    committed: writes.length > 0,
    phase: 'finished',
    finishedAt: new Date(),
    percent: 100,
  });
}
