import {
  ADMISSION_STEP,
  addCalendarDays,
  type CloseRecruitmentCaseBody,
  CONVERSION_APPROVAL_STEP,
  type CreateMemberBody,
  type CreateRecruitmentCaseBody,
  checkExtension,
  checkStep,
  type ExtendProbationBody,
  type GateIssue,
  GENERAL_MEETING_STEP,
  type ListRecruitmentCasesQuery,
  MATERIAL_KINDS,
  type MaterialKind,
  maskIdNumber,
  type Page,
  type PersonFacts,
  parseSorter,
  probationEnd,
  RECRUITMENT_STAGES,
  type RecordStepBody,
  type RecruitmentBoard,
  type RecruitmentCase,
  type RecruitmentCaseDetail,
  type RecruitmentMaterial,
  STEP_COUNT,
  stepOf,
  temporaryBranchRestrictions,
} from '@red-engine/shared';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import type { Actor, RequestContext } from '../../core/actor.js';
import { decryptText, encryptText } from '../../core/crypto.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import { MESSAGES } from '../../core/messages.js';
import { isPathInScope, scopePaths } from '../../core/scope.js';
import { type AuditRecorder, inTransaction } from '../../core/transaction.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { createFileStore, readUpload } from '../file-store/index.js';
import {
  checkIdentity,
  createMemberRepository,
  createMemberService,
  idNumberHash,
  nameKeys,
  todayIso,
} from '../member/index.js';
import { createOrgRepository } from '../org/index.js';
import { maskPhone } from '../user/index.js';
import {
  caseAuditView,
  stepAuditView,
  toCaseDto,
  toDetailDto,
  toMaterialDto,
  toStepDtos,
} from './recruitment.mapper.js';
import { approvingCommittee, caseFacts, derivedColumns, RECRUITING_TYPES } from './recruitment.policy.js';
import {
  type CaseRow,
  type CaseSortField,
  createRecruitmentRepository,
  type NewStepRow,
} from './recruitment.repository.js';

const SORT_FIELDS: readonly CaseSortField[] = ['appliedOn', 'nextDueOn', 'updatedAt', 'name'];

/** A hard gate names its field; several come back together, like a schema validation failure. */
function hardGateError(issues: readonly GateIssue[]): AppError {
  return new AppError('VALIDATION_FAILED', MESSAGES.validationFailed, {
    details: issues.map((i) => ({ path: i.field ?? 'body', text: MESSAGES.recruitmentGate[i.gate as never] })),
  });
}

const publicGate = (i: GateIssue) => ({
  gate: i.gate,
  stepNo: i.stepNo,
  hard: i.hard,
  ...(i.limit !== undefined ? { limit: i.limit } : {}),
  ...(i.actual !== undefined ? { actual: i.actual } : {}),
});

export function createRecruitmentService(deps: { db: Db; config: Config; today?: () => string }) {
  const { db, config } = deps;
  const today = deps.today ?? (() => todayIso());
  const repo = createRecruitmentRepository(db);
  const orgRepo = createOrgRepository(db);
  const memberRepo = createMemberRepository(db);
  const members = createMemberService({ db, config, today });
  const files = createFileStore({ db, maxBytes: config.uploadLimit });

  const dueWindow = (soonDays: number) => ({ today: today(), soon: addCalendarDays(today(), soonDays) });

  async function loadVisible(
    actor: Actor,
    permission: 'recruitment:read' | 'recruitment:write',
    id: string,
    tx?: DbOrTx,
  ) {
    const row = await repo.findVisible(scopePaths(actor, permission), id, tx ?? db, { lock: tx !== undefined });
    if (!row) throw notFound();
    return row;
  }

  async function approvingOf(orgPath: string, tx: DbOrTx) {
    return approvingCommittee(await repo.ancestors(orgPath, tx));
  }

  async function summaries(rows: { c: CaseRow; orgName: string }[]): Promise<RecruitmentCase[]> {
    const ids = rows.map((r) => r.c.id);
    const [rules, overrides, joins] = await Promise.all([
      repo.rules(),
      repo.overrideCounts(ids),
      repo.stepDates(ids, GENERAL_MEETING_STEP),
    ]);
    const now = today();
    return rows.map((r) =>
      toCaseDto(r.c, {
        orgName: r.orgName,
        joinDate: joins.get(r.c.id) ?? null,
        overrides: overrides.get(r.c.id) ?? 0,
        today: now,
        rules,
      }),
    );
  }

  async function detail(actor: Actor, found: { c: CaseRow; orgName: string; orgPath: string }, tx: DbOrTx = db) {
    const c = found.c;
    const [steps, materials, rules, calendar, approving] = await Promise.all([
      repo.steps(c.id, tx),
      repo.materials(c.id, tx),
      repo.rules(tx),
      repo.calendar(tx),
      approvingOf(found.orgPath, tx),
    ]);
    const people = await repo.people(
      steps.flatMap((s) => s.memberIds),
      tx,
    );
    const orgs = await memberRepo.orgsByIds(
      steps.map((s) => s.approvingOrgId),
      tx,
    );
    const now = today();
    const join = steps.find((s) => s.stepNo === GENERAL_MEETING_STEP)?.date ?? null;
    const overrides = steps.filter((s) => s.overrideReason).length;
    const base = toCaseDto(c, { orgName: found.orgName, joinDate: join, overrides, today: now, rules });
    const stepDtos = toStepDtos(c, steps, {
      people: new Map(people.map((p) => [p.id, p.name])),
      orgs: new Map([...orgs.values()].map((o) => [o.id, o.name])),
      calendar,
      rules,
      today: now,
    });
    const upper = isPathInScope(actor, 'recruitment:write', approving?.path ?? found.orgPath);
    return toDetailDto(base, stepDtos, materials, approving, upper);
  }

  /** Rewrites the cached stage / current step / next deadline from the steps (same transaction). */
  async function refresh(c: CaseRow, tx: Tx, patch: Partial<CaseRow> = {}) {
    const steps = await repo.steps(c.id, tx);
    const rules = await repo.rules(tx);
    const merged = { ...c, ...patch };
    const cols = derivedColumns(
      { steps: caseFacts(merged, steps).steps, extensionMonths: merged.extensionMonths },
      rules,
      today(),
      merged.status === 'active',
    );
    return repo.updateCase(c.id, { ...patch, ...cols }, tx);
  }

  async function peopleFacts(ids: readonly string[], tx: DbOrTx): Promise<PersonFacts[]> {
    const rows = await repo.people(ids, tx);
    return rows.map((p) => ({
      id: p.id,
      full: p.category === 'full',
      active: p.status === 'active',
      normal: p.partyStatus === 'normal',
    }));
  }

  /** The member record of step 17: the applicant's fields, probationary from the 支部大会 (join date). */
  async function admit(tx: Tx, audit: AuditRecorder, c: CaseRow, joinDate: string, recordedBy: string) {
    const body: CreateMemberBody = {
      name: c.name,
      gender: c.gender as CreateMemberBody['gender'],
      idNumber: decryptText(config.dataKey, c.idNumberEnc),
      birthDate: c.birthDate,
      ethnicity: c.ethnicity as CreateMemberBody['ethnicity'],
      education: c.education as CreateMemberBody['education'],
      jobCategory: c.jobCategory as CreateMemberBody['jobCategory'],
      ...(c.phoneEnc ? { phone: decryptText(config.dataKey, c.phoneEnc) } : {}),
      ...(c.workUnit ? { workUnit: c.workUnit } : {}),
      ...(c.workPost ? { workPost: c.workPost } : {}),
      orgId: c.orgId,
      category: 'probationary',
      joinDate,
    };
    const member = await members.admitInTx(tx, audit, body, recordedBy).catch((err: unknown) => {
      // A rule of the member record broken here is about the date the caller gave.
      if (err instanceof AppError && err.code === 'VALIDATION_FAILED')
        throw new AppError(err.code, err.text, {
          details: ((err.details ?? []) as { path: string }[]).map((d) => ({
            ...d,
            path: d.path === 'body.joinDate' ? 'body.date' : d.path,
          })),
        });
      throw err;
    });
    return member.id;
  }

  const closeCase = (status: 'cancelled' | 'rejected' | 'completed', date: string, reason: string | null) => ({
    status,
    closedOn: date,
    closeReason: reason,
  });

  return {
    async list(actor: Actor, q: ListRecruitmentCasesQuery): Promise<Page<RecruitmentCase>> {
      const rules = await repo.rules();
      const { rows, total } = await repo.list(
        scopePaths(actor, 'recruitment:read'),
        q,
        parseSorter(q.sorter, SORT_FIELDS),
        dueWindow(rules.dueSoonDays),
      );
      return { data: await summaries(rows), total, current: q.current, pageSize: q.pageSize };
    },

    async board(actor: Actor, q: { orgId?: string | undefined }): Promise<RecruitmentBoard> {
      const rules = await repo.rules();
      const { stages, closed } = await repo.board(
        scopePaths(actor, 'recruitment:read'),
        q.orgId,
        dueWindow(rules.dueSoonDays),
      );
      return {
        stages: RECRUITMENT_STAGES.map((stage) => {
          const s = stages.find((x) => x.stage === stage);
          return {
            stage,
            active: Number(s?.active ?? 0),
            overdue: Number(s?.overdue ?? 0),
            dueSoon: Number(s?.soon ?? 0),
          };
        }),
        completedThisYear: Number(closed.find((x) => x.status === 'completed')?.n ?? 0),
        closedThisYear: closed
          .filter((x) => x.status === 'cancelled' || x.status === 'rejected')
          .reduce((n, x) => n + Number(x.n), 0),
      };
    },

    async get(actor: Actor, id: string): Promise<RecruitmentCaseDetail> {
      return detail(actor, await loadVisible(actor, 'recruitment:read', id));
    },

    async create(ctx: RequestContext, body: CreateRecruitmentCaseBody): Promise<RecruitmentCaseDetail> {
      const actor = ctx.actor!;
      const now = today();
      const identity = checkIdentity(body, 'body', now);
      if (identity) throw fieldError(identity.path, identity.text);
      return inTransaction(db, ctx, async (tx, audit) => {
        const org = await orgRepo.findById(body.orgId, tx);
        if (!org || !isPathInScope(actor, 'recruitment:write', org.path))
          throw fieldError('body.orgId', MESSAGES.memberOrgOutOfScope);
        if (!RECRUITING_TYPES.has(org.type)) throw fieldError('body.orgId', MESSAGES.recruitmentOrgNotBranch);
        if (!temporaryBranchRestrictions(org).recruitment)
          throw new AppError('RECRUITMENT_NOT_ALLOWED', MESSAGES.recruitmentTemporaryBranch, {
            details: [{ path: 'body.orgId', text: MESSAGES.recruitmentTemporaryBranch }],
          });
        if (org.status !== 'active') throw fieldError('body.orgId', MESSAGES.orgDissolved(org.name));

        const idNumber = body.idNumber.trim().toUpperCase();
        const hash = idNumberHash(config.dataKey, idNumber);
        if (await memberRepo.findByIdNumberHash(hash, tx))
          throw new AppError('MEMBER_ID_NUMBER_TAKEN', MESSAGES.recruitmentAlreadyMember, {
            details: [{ path: 'body.idNumber', text: MESSAGES.recruitmentAlreadyMember }],
          });
        if (await repo.activeCaseFor(hash, tx))
          throw new AppError('RECRUITMENT_IN_PROGRESS', MESSAGES.recruitmentInProgress, {
            details: [{ path: 'body.idNumber', text: MESSAGES.recruitmentInProgress }],
          });

        // Step 1 goes through the same gates as every other step (age, date).
        const [rules, calendar] = [await repo.rules(tx), await repo.calendar(tx)];
        const issues = checkStep(
          { birthDate: body.birthDate, steps: [], extensionMonths: null, hasMember: false },
          { stepNo: 1, date: body.appliedOn },
          { rules, calendar, today: now },
        ).map((i) => (i.field === 'body.date' ? { ...i, field: 'body.appliedOn' } : i));
        const hard = issues.filter((i) => i.hard);
        if (hard.length) throw hardGateError(hard);

        const id = crypto.randomUUID();
        const row = await repo.insertCase(
          {
            id,
            orgId: org.id,
            name: body.name,
            ...nameKeys(body.name),
            gender: body.gender,
            birthDate: body.birthDate,
            idNumberEnc: encryptText(config.dataKey, idNumber),
            idNumberHash: hash,
            idNumberMasked: maskIdNumber(idNumber),
            idTail: idNumber.slice(-4),
            phoneEnc: body.phone ? encryptText(config.dataKey, body.phone) : null,
            phoneMasked: body.phone ? maskPhone(body.phone) : null,
            ethnicity: body.ethnicity,
            education: body.education,
            jobCategory: body.jobCategory,
            workUnit: body.workUnit || null,
            workPost: body.workPost || null,
            appliedOn: body.appliedOn,
            notes: body.notes ?? null,
            createdById: actor.userId,
          },
          tx,
        );
        await repo.insertSteps(
          [
            {
              id: crypto.randomUUID(),
              caseId: id,
              stepNo: 1,
              date: body.appliedOn,
              approvingOrgId: org.id,
              recordedById: actor.userId,
              recordedByName: actor.displayName,
            },
          ],
          tx,
        );
        const saved = await refresh(row, tx);
        audit.record({
          action: 'recruitment.create',
          entity: 'recruitment_case',
          entityId: id,
          orgPath: org.path,
          after: caseAuditView(saved),
        });
        return detail(actor, { c: saved, orgName: org.name, orgPath: org.path }, tx);
      });
    },

    async recordStep(ctx: RequestContext, id: string, body: RecordStepBody): Promise<RecruitmentCaseDetail> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const found = await loadVisible(actor, 'recruitment:write', id, tx);
        const c = found.c;
        if (c.status !== 'active') throw new AppError('RECRUITMENT_CLOSED', MESSAGES.recruitmentClosed);
        const def = stepOf(body.stepNo)!;
        const approving = await approvingOf(found.orgPath, tx);
        // The upper committee's steps are recorded by those who administer it.
        if (def.needs.upper && !isPathInScope(actor, 'recruitment:write', approving?.path ?? found.orgPath))
          throw new AppError('FORBIDDEN', MESSAGES.recruitmentUpperStep(def.zh));
        const steps = await repo.steps(c.id, tx);
        const previous = steps.find((s) => s.stepNo === body.stepNo);
        if (c.memberId && body.stepNo <= ADMISSION_STEP)
          throw fieldError('body.stepNo', MESSAGES.recruitmentMemberExists);
        if (previous && body.stepNo === CONVERSION_APPROVAL_STEP)
          throw fieldError('body.stepNo', MESSAGES.recruitmentStepRecorded);

        let approvingOrgId: string = def.needs.upper ? (approving?.id ?? c.orgId) : c.orgId;
        if (body.approvingOrgId) {
          const org = await orgRepo.findById(body.approvingOrgId, tx);
          if (!org || !found.orgPath.startsWith(org.path))
            throw fieldError('body.approvingOrgId', MESSAGES.recruitmentApprovingOrg);
          approvingOrgId = org.id;
        }
        const memberIds = [...new Set(body.memberIds ?? [])];
        const people = await peopleFacts(memberIds, tx);
        if (memberIds.some((m) => !people.some((p) => p.id === m)))
          throw fieldError('body.memberIds', MESSAGES.recruitmentPersonNotFound);

        const [rules, calendar] = [await repo.rules(tx), await repo.calendar(tx)];
        const facts = caseFacts(c, steps);
        const issues = checkStep(
          facts,
          {
            stepNo: body.stepNo,
            date: body.date,
            memberIds,
            otherPeople: body.otherPeople ?? null,
            approvalResult: body.approvalResult ?? null,
            publicityStart: body.publicityStart ?? null,
            publicityEnd: body.publicityEnd ?? null,
            trainingDays: body.trainingDays ?? null,
            trainingHours: body.trainingHours ?? null,
            votes: body.votes ?? null,
          },
          { rules, calendar, today: today(), people },
        );
        const hard = issues.filter((i) => i.hard);
        if (hard.length) throw hardGateError(hard);
        const warnings = issues.filter((i) => !i.hard).map(publicGate);
        if (warnings.length && !body.overrideReason)
          throw new AppError('RECRUITMENT_GATE_WARNING', MESSAGES.recruitmentGateWarning, {
            details: { gates: warnings },
          });

        const row: NewStepRow = {
          id: previous?.id ?? crypto.randomUUID(),
          caseId: c.id,
          stepNo: body.stepNo,
          date: body.date,
          location: body.location ?? null,
          notes: body.notes ?? null,
          memberIds,
          otherPeople: body.otherPeople ?? null,
          approvalResult: body.approvalResult ?? null,
          approvingOrgId,
          approverName: body.approverName ?? null,
          documentNo: body.documentNo ?? null,
          publicityStart: body.publicityStart ?? null,
          publicityEnd: body.publicityEnd ?? null,
          trainingDays: body.trainingDays ?? null,
          trainingHours: body.trainingHours ?? null,
          votesEligible: body.votes?.eligible ?? null,
          votesPresent: body.votes?.present ?? null,
          votesFor: body.votes?.for ?? null,
          votesAgainst: body.votes?.against ?? null,
          votesAbstain: body.votes?.abstain ?? null,
          // A reason given when nothing warned is not an override.
          overrideReason: warnings.length ? body.overrideReason! : null,
          overriddenGates: warnings,
          recordedById: actor.userId,
          recordedByName: actor.displayName,
          recordedAt: new Date(),
        };
        const saved = await repo.upsertStep(row, tx);

        // What the step changes beyond itself: the member roll, or the end of the case.
        const patch: Partial<CaseRow> = {};
        if (body.approvalResult === 'rejected') {
          Object.assign(patch, closeCase('rejected', body.date, body.notes ?? def.zh));
          if (c.memberId)
            await members.recordEventInTx(
              tx,
              audit,
              c.memberId,
              { type: 'qualification_cancelled', effectiveDate: body.date, details: { reason: body.notes ?? def.zh } },
              actor.displayName,
            );
        } else if (body.stepNo === ADMISSION_STEP) {
          const join = steps.find((s) => s.stepNo === GENERAL_MEETING_STEP)!.date;
          patch.memberId = await admit(tx, audit, c, join, actor.displayName);
        } else if (body.stepNo === CONVERSION_APPROVAL_STEP) {
          // 党龄 counts from the end of the probation (预备期满之日), not from the approval.
          const end = probationEnd(facts)!;
          await members.recordEventInTx(
            tx,
            audit,
            c.memberId!,
            { type: 'converted', effectiveDate: end, details: {} },
            actor.displayName,
          );
        } else if (body.stepNo === 1) {
          patch.appliedOn = body.date;
        } else if (body.stepNo === STEP_COUNT) {
          Object.assign(patch, closeCase('completed', body.date, null));
        }
        const after = await refresh(c, tx, patch);
        audit.record({
          action: 'recruitment.step',
          entity: 'recruitment_case',
          entityId: c.id,
          orgPath: found.orgPath,
          before: { case: caseAuditView(c), step: previous ? stepAuditView(previous) : null },
          after: { case: caseAuditView(after), step: stepAuditView(saved) },
        });
        if (warnings.length)
          audit.record({
            action: 'recruitment.override',
            entity: 'recruitment_case',
            entityId: c.id,
            orgPath: found.orgPath,
            after: { stepNo: body.stepNo, date: body.date, reason: body.overrideReason, gates: warnings },
          });
        return detail(actor, { ...found, c: after }, tx);
      });
    },

    async extendProbation(ctx: RequestContext, id: string, body: ExtendProbationBody): Promise<RecruitmentCaseDetail> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const found = await loadVisible(actor, 'recruitment:write', id, tx);
        const c = found.c;
        if (c.status !== 'active') throw new AppError('RECRUITMENT_CLOSED', MESSAGES.recruitmentClosed);
        const steps = await repo.steps(c.id, tx);
        const problem = checkExtension(caseFacts(c, steps), body, today());
        if (problem) {
          const [path, text] = {
            not_probationary: ['body', MESSAGES.extensionNotProbationary],
            already_extended: ['body', MESSAGES.extensionOnce],
            months: ['body.months', MESSAGES.extensionMonths],
            date_in_future: ['body.date', MESSAGES.dateInFuture],
            date_before_join: ['body.date', MESSAGES.extensionBeforeJoin],
          }[problem] as [string, (typeof MESSAGES)['extensionOnce']];
          if (problem === 'not_probationary' || problem === 'already_extended')
            throw new AppError('CONFLICT', text, { details: [{ path, text }] });
          throw fieldError(path, text);
        }
        await members.recordEventInTx(
          tx,
          audit,
          c.memberId!,
          {
            type: 'probation_extended',
            effectiveDate: body.date,
            details: { months: body.months, reason: body.reason },
          },
          actor.displayName,
        );
        const after = await refresh(c, tx, {
          extensionMonths: body.months,
          extendedOn: body.date,
          extensionReason: body.reason,
        });
        audit.record({
          action: 'recruitment.extend',
          entity: 'recruitment_case',
          entityId: c.id,
          orgPath: found.orgPath,
          before: caseAuditView(c),
          after: { ...caseAuditView(after), extendedOn: body.date, reason: body.reason },
        });
        return detail(actor, { ...found, c: after }, tx);
      });
    },

    /** 终止 (the applicant withdraws, leaves …) or 不予通过 / 取消预备党员资格. */
    async close(
      ctx: RequestContext,
      id: string,
      kind: 'cancelled' | 'rejected',
      body: CloseRecruitmentCaseBody,
    ): Promise<RecruitmentCaseDetail> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const found = await loadVisible(actor, 'recruitment:write', id, tx);
        const c = found.c;
        if (c.status !== 'active') throw new AppError('RECRUITMENT_CLOSED', MESSAGES.recruitmentClosed);
        const date = body.date ?? today();
        if (date > today()) throw fieldError('body.date', MESSAGES.dateInFuture);
        const last = [c.appliedOn, ...(await repo.steps(c.id, tx)).map((s) => s.date)].sort().at(-1)!;
        if (date < last) throw fieldError('body.date', MESSAGES.eventBeforeLast(last));
        if (c.memberId) {
          if (kind === 'cancelled') throw new AppError('CONFLICT', MESSAGES.recruitmentCancelAfterAdmission);
          await members.recordEventInTx(
            tx,
            audit,
            c.memberId,
            { type: 'qualification_cancelled', effectiveDate: date, details: { reason: body.reason } },
            actor.displayName,
          );
        }
        const after = await refresh(c, tx, closeCase(kind, date, body.reason));
        audit.record({
          action: kind === 'cancelled' ? 'recruitment.cancel' : 'recruitment.reject',
          entity: 'recruitment_case',
          entityId: c.id,
          orgPath: found.orgPath,
          before: caseAuditView(c),
          after: caseAuditView(after),
        });
        return detail(actor, { ...found, c: after }, tx);
      });
    },

    /** Reads the upload only once the case is known to be in scope (a foreign id answers 404 before any body). */
    async uploadMaterial(ctx: RequestContext, id: string, req: FastifyRequest): Promise<RecruitmentMaterial> {
      const actor = ctx.actor!;
      await loadVisible(actor, 'recruitment:write', id);
      const upload = await readUpload(req, files.maxBytes);
      const kind = upload.fields.kind as MaterialKind | undefined;
      if (!kind || !(MATERIAL_KINDS as readonly string[]).includes(kind))
        throw fieldError('body.kind', MESSAGES.recruitmentMaterialKind);
      const stepNo = upload.fields.stepNo ? Number(upload.fields.stepNo) : null;
      if (stepNo !== null && !(Number.isInteger(stepNo) && stepNo >= 1 && stepNo <= STEP_COUNT))
        throw fieldError('body.stepNo', MESSAGES.recruitmentMaterialStep);
      return inTransaction(db, ctx, async (tx, audit) => {
        const found = await loadVisible(actor, 'recruitment:write', id, tx);
        const stored = await files.put(tx, upload);
        const m = await repo.insertMaterial(
          {
            id: crypto.randomUUID(),
            caseId: found.c.id,
            stepNo,
            kind,
            fileName: stored.fileName,
            sha256: stored.sha256,
            size: stored.size,
            contentType: stored.contentType,
            uploadedById: actor.userId,
            uploadedByName: actor.displayName,
          },
          tx,
        );
        await repo.updateCase(found.c.id, {}, tx);
        audit.record({
          action: 'recruitment.material',
          entity: 'recruitment_case',
          entityId: found.c.id,
          orgPath: found.orgPath,
          after: { materialId: m.id, kind, stepNo, fileName: m.fileName, sha256: m.sha256, size: m.size },
        });
        return toMaterialDto(m);
      });
    },

    /** A material's bytes; personal documents, so reading one is a sensitive read in the audit trail. */
    async downloadMaterial(ctx: RequestContext, materialId: string) {
      return inTransaction(db, ctx, async (tx, audit) => {
        const found = await repo.findMaterialVisible(scopePaths(ctx.actor!, 'recruitment:read'), materialId, tx);
        if (!found) throw notFound();
        const file = await files.get(found.m.sha256, tx);
        if (!file) throw notFound();
        audit.record({
          action: 'sensitive.read',
          entity: 'recruitment_case',
          entityId: found.m.caseId,
          orgPath: found.orgPath,
          after: { field: 'recruitmentMaterial', materialId, kind: found.m.kind, fileName: found.m.fileName },
        });
        return { fileName: found.m.fileName, contentType: file.contentType, bytes: file.bytes };
      });
    },
  };
}
export type RecruitmentService = ReturnType<typeof createRecruitmentService>;
