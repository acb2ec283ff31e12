import { ORG_IMPORT_COLUMNS, type OrgType } from '@red-engine/shared';
import type { RequestContext } from '../../core/actor.js';
import { type LocalizedText, MESSAGES } from '../../core/messages.js';
import { inTransaction } from '../../core/transaction.js';
import { orgAuditView } from '../org/org.mapper.js';
import { canHaveChild, ORG_TYPE_NAMES } from '../org/org.policy.js';
import { checkOrgRow, type OrgRowValue, readRow, within } from './imports.policy.js';
import type { OrgRow } from './imports.repository.js';
import type { ImportRunDeps, JobState } from './imports.service.js';

const ORG_COMPARED = [
  'name',
  'shortName',
  'domain',
  'secretaryName',
  'contactPerson',
  'contactPhone',
  'unitSituation',
  'foundedOn',
  'foundingDocNo',
  'address',
  'longitude',
  'latitude',
  'projectName',
  'temporaryUntil',
  'sortOrder',
] as const;

type PlannedOrg = {
  row: number;
  kind: 'create' | 'update' | 'unchanged';
  value: OrgRowValue;
  id: string;
  path: string;
  type: OrgType;
  domain: string | null;
  parentId: string;
  depth: number;
  existing?: OrgRow;
};

export async function runOrgs(deps: ImportRunDeps, ctx: RequestContext, job: JobState, file: Buffer) {
  const { db, repo, orgRepo, setProgress, readSheet, addError, recordWithoutWrites, jobRow, asActor, auditAfter } =
    deps;
  const sheet = await readSheet(job, file);
  if (!sheet) return;
  const { rows, header, date1904, letters } = sheet;
  setProgress(job, 'validating', 0, rows.length);
  const checked: { row: number; value: OrgRowValue }[] = [];
  for (const r of rows) {
    const cells = readRow(r, header, date1904);
    const res = 'problem' in cells ? cells : checkOrgRow(cells.values, ORG_IMPORT_COLUMNS);
    if ('problem' in res) addError(job, header, r.row, res.problem, letters);
    else checked.push({ row: r.row, value: res.value });
  }
  const known = new Map(
    (await repo.orgsByCodes([...new Set(checked.flatMap((c) => [c.value.code, c.value.parentCode]))])).map((o) => [
      o.code!,
      o,
    ]),
  );
  /** Rows accepted so far, by code: later rows may name them as their parent. */
  const planned = new Map<string, PlannedOrg>();
  const firstRow = new Map<string, number>();
  const plans: PlannedOrg[] = [];
  const planRow = (c: (typeof checked)[number], i: number) => {
    if (i % 200 === 0) setProgress(job, 'validating', i, checked.length);
    const v = c.value;
    const err = (key: string, text: LocalizedText) => addError(job, header, c.row, { key, text }, letters);
    const dup = firstRow.get(v.code);
    if (dup !== undefined) return err('code', MESSAGES.importDuplicateInFile(dup));
    firstRow.set(v.code, c.row);
    const parentRow = known.get(v.parentCode);
    const parentPlan = planned.get(v.parentCode);
    const parent = parentPlan
      ? {
          id: parentPlan.id,
          path: parentPlan.path,
          type: parentPlan.type,
          domain: parentPlan.domain,
          depth: parentPlan.depth,
          status: 'active',
          name: parentPlan.value.fields.name,
        }
      : parentRow
        ? { ...parentRow, type: parentRow.type as OrgType }
        : undefined;
    if (!parent) return err('parentCode', MESSAGES.importParentUnknown(v.parentCode));
    const old = known.get(v.code);
    if (old) {
      if (!within(job.roots, old.path)) return err('code', MESSAGES.orgCodeTaken(v.code));
      if (old.parentId === null) return err('code', MESSAGES.importOrgRootChange);
      if (old.status !== 'active') return err('code', MESSAGES.orgDissolved(old.name));
      if (old.type !== v.type) return err('type', MESSAGES.importOrgTypeChange);
      if (old.parentId !== parent.id) return err('parentCode', MESSAGES.importOrgParentChange);
      const f = v.fields as Record<string, unknown>;
      const o = old as unknown as Record<string, unknown>;
      const changed = ORG_COMPARED.some((k) => {
        const next =
          k === 'domain' ? (f.domain ?? old.domain) : k === 'sortOrder' ? (f.sortOrder ?? 0) : (f[k] ?? null);
        return (o[k] ?? null) !== next;
      });
      const plan: PlannedOrg = {
        row: c.row,
        kind: changed ? 'update' : 'unchanged',
        value: v,
        id: old.id,
        path: old.path,
        type: old.type as OrgType,
        domain: old.domain,
        parentId: parent.id,
        depth: old.depth,
        existing: old,
      };
      planned.set(v.code, plan);
      plans.push(plan);
      return;
    }
    if (!within(job.roots, parent.path)) return err('parentCode', MESSAGES.importParentOutOfScope);
    if (parent.status !== 'active') return err('parentCode', MESSAGES.orgDissolved(parent.name));
    if (!canHaveChild(parent.type, v.type))
      return err(
        'type',
        MESSAGES.orgChildTypeNotAllowed(ORG_TYPE_NAMES[parent.type]['zh-CN'], ORG_TYPE_NAMES[v.type]['zh-CN']),
      );
    const id = crypto.randomUUID();
    const plan: PlannedOrg = {
      row: c.row,
      kind: 'create',
      value: v,
      id,
      path: `${parent.path}${id}/`,
      type: v.type,
      domain: v.fields.domain ?? parent.domain ?? null,
      parentId: parent.id,
      depth: parent.depth + 1,
    };
    planned.set(v.code, plan);
    plans.push(plan);
  };
  for (const [i, c] of checked.entries()) planRow(c, i);
  job.errors.sort((a, b) => a.row - b.row);
  job.counts.invalid = job.errorCount;
  job.counts.valid = plans.length;
  job.counts.created = plans.filter((p) => p.kind === 'create').length;
  job.counts.updated = plans.filter((p) => p.kind === 'update').length;
  job.counts.unchanged = plans.filter((p) => p.kind === 'unchanged').length;
  if (job.mode === 'dry_run') return recordWithoutWrites(ctx, job, 'done');
  if (job.mode === 'all' && job.errorCount > 0) return recordWithoutWrites(ctx, job, 'refused');
  const writes = plans.filter((p) => p.kind !== 'unchanged');
  setProgress(job, 'writing', 0, writes.length);
  await inTransaction(db, ctx, async (tx, audit) => {
    let done = 0;
    for (const p of writes) {
      const f = p.value.fields;
      const details = {
        shortName: f.shortName ?? null,
        secretaryName: f.secretaryName ?? null,
        contactPerson: f.contactPerson ?? null,
        contactPhone: f.contactPhone ?? null,
        unitSituation: f.unitSituation ?? null,
        foundedOn: f.foundedOn ?? null,
        foundingDocNo: f.foundingDocNo ?? null,
        address: f.address ?? null,
        longitude: f.longitude ?? null,
        latitude: f.latitude ?? null,
        projectName: f.projectName ?? null,
        temporaryUntil: f.temporaryUntil ?? null,
        sortOrder: f.sortOrder ?? 0,
      };
      if (p.kind === 'create') {
        const row = await orgRepo.insert(
          {
            id: p.id,
            parentId: p.parentId,
            path: p.path,
            depth: p.depth,
            type: p.type,
            domain: p.domain,
            name: f.name,
            code: p.value.code,
            ...details,
            ...(p.type === 'temporary_branch' ? { parentApprovedBy: p.parentId } : {}),
          },
          tx,
        );
        job.createdIds.push(p.id);
        audit.record({
          action: 'org.create',
          entity: 'organization',
          entityId: p.id,
          orgPath: row.path,
          after: orgAuditView(row),
          ...asActor(ctx, job),
        });
      } else {
        const after = await orgRepo.update(p.id, { name: f.name, domain: f.domain ?? p.domain, ...details }, tx);
        job.updatedIds.push(p.id);
        audit.record({
          action: 'org.update',
          entity: 'organization',
          entityId: p.id,
          orgPath: p.path,
          before: orgAuditView(p.existing!),
          after: orgAuditView(after!),
          ...asActor(ctx, job),
        });
      }
      done += 1;
      if (done % 50 === 0) setProgress(job, 'writing', done, writes.length);
    }
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
