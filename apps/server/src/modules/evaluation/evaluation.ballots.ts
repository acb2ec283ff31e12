import { createHash, randomInt, randomUUID } from 'node:crypto';
import {
  type BallotReceipt,
  type CastBallotBody,
  DEFAULT_SATISFACTION_THRESHOLDS,
  type EvaluationKind,
  emptyMemberTally,
  emptySecretaryTally,
  excellentQuota,
  MEMBER_GRADES,
  type MemberGrade,
  type MemberTally,
  type Results,
  resultsVisible,
  SECRETARY_CHOICES,
  type SecretaryChoice,
  type SecretaryTally,
  secretaryResult,
  suggestGrades,
  type TurnoutDetail,
  turnoutPercent,
} from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import type { Actor, RequestContext } from '../../core/actor.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import { MESSAGES } from '../../core/messages.js';
import { inTransaction } from '../../core/transaction.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { ballotChoices } from '../../db/schema/index.js';
import type { EvaluationAccess } from './evaluation.access.js';
import { type BallotProblem, ballotRows, covers, isMemberGrade, shuffled } from './evaluation.policy.js';
import type { CampaignRow } from './evaluation.repository.js';

type Tallies = Map<string, Map<string, Record<string, number>>>;

/** subject → item ('' overall) → choice → count. */
function tallyMap(rows: { subject_id: string; item: string; choice: string; n: number }[]): Tallies {
  const out: Tallies = new Map();
  for (const r of rows) {
    const bySubject = out.get(r.subject_id) ?? new Map<string, Record<string, number>>();
    out.set(r.subject_id, bySubject);
    const counts = bySubject.get(r.item) ?? {};
    bySubject.set(r.item, counts);
    counts[r.choice] = (counts[r.choice] ?? 0) + r.n;
  }
  return out;
}

const secretaryTally = (counts: Record<string, number> | undefined): SecretaryTally => {
  const t = emptySecretaryTally();
  for (const c of SECRETARY_CHOICES) t[c] = counts?.[c] ?? 0;
  return t;
};
const memberTally = (counts: Record<string, number> | undefined): MemberTally => {
  const t = emptyMemberTally();
  for (const g of MEMBER_GRADES) t[g] = counts?.[g] ?? 0;
  return t;
};

const PROBLEM_TEXT = (p: BallotProblem) => {
  switch (p.reason) {
    case 'subject_not_in_campaign':
      return MESSAGES.evaluationSubjectNotInCampaign;
    case 'subject_not_eligible':
      return MESSAGES.ballotSubjectNotEligible;
    case 'self':
      return MESSAGES.ballotSelf;
    case 'duplicate':
      return MESSAGES.ballotDuplicateSubject;
    case 'ungraded':
      return MESSAGES.ballotSubjectNotEligible;
    case 'wrong_choice':
      return MESSAGES.ballotWrongChoice;
    case 'items_not_here':
      return MESSAGES.ballotItemsNotHere;
    case 'unknown_item':
      return MESSAGES.ballotItemUnknown(p.key);
  }
};

/**
 * Secret ballots. Casting writes a receipt (who voted, when) and the choices (what, with a random id, no voter and
 * no time) in one transaction; choices are only ever read as counts, and only once voting has closed.
 */
export function createBallotService(deps: { db: Db; access: EvaluationAccess }) {
  const { db, access } = deps;
  const { repo } = access;

  async function turnoutOf(c: CampaignRow, roots: readonly string[] | null, tx: DbOrTx = db): Promise<TurnoutDetail> {
    const byOrg = await repo.turnoutByOrg(c.id, roots, tx);
    const eligible = byOrg.reduce((n, r) => n + r.eligible, 0);
    const cast = byOrg.reduce((n, r) => n + r.cast, 0);
    return {
      eligible,
      cast,
      percent: turnoutPercent(cast, eligible),
      byOrg: byOrg.map((r) => ({ orgId: r.org_id, orgName: r.org_name, eligible: r.eligible, cast: r.cast })),
    };
  }

  async function results(c: CampaignRow, whole: boolean, roots: readonly string[], tx: DbOrTx = db): Promise<Results> {
    if (!resultsVisible(c.status as never)) throw new AppError('EVALUATION_STATE', MESSAGES.evaluationResultsHidden);
    const subjects = await repo.subjects(c.id, tx);
    const rows = await repo.tallies(c.id, tx);
    const turnout = await turnoutOf(c, whole ? null : roots, tx);
    const visible = whole ? subjects : subjects.filter((s) => covers(roots, s.orgPath));
    const tallies = tallyMap(rows);
    const { byOrg: _byOrg, ...overall } = turnout;
    if (c.kind === 'secretary_review') {
      const thresholds = c.settings.thresholds ?? DEFAULT_SATISFACTION_THRESHOLDS;
      return {
        kind: 'secretary_review',
        status: c.status as never,
        turnout: overall,
        thresholds,
        items: c.settings.items,
        rows: visible.map((s) => {
          const tally = secretaryTally(tallies.get(s.id)?.get(''));
          const r = secretaryResult(tally, thresholds);
          return {
            subjectId: s.id,
            orgName: s.org_name,
            name: s.name,
            tally,
            total: r.total,
            satisfactionPercent: r.satisfactionPercent,
            grade: r.grade,
            items: c.settings.items.map((it) => {
              const t = secretaryTally(tallies.get(s.id)?.get(it.key));
              const ir = secretaryResult(t, thresholds);
              return { key: it.key, tally: t, total: ir.total, satisfactionPercent: ir.satisfactionPercent };
            }),
            comment: s.comment,
          };
        }),
      };
    }
    const denominator = c.settings.excellentDenominator ?? 3;
    const graded = subjects.filter((s) => s.graded);
    const suggestions = suggestGrades(
      graded.map((s) => ({ id: s.id, tally: memberTally(tallies.get(s.id)?.get('')) })),
      denominator,
    );
    const proposals = graded.map((s) => (isMemberGrade(s.proposedGrade) ? s.proposedGrade : null));
    return {
      kind: 'member_evaluation',
      status: c.status as never,
      turnout: overall,
      quota: {
        graded: graded.length,
        excellent: proposals.filter((g) => g === 'excellent').length,
        max: excellentQuota(graded.length, denominator),
        denominator,
        missing: proposals.filter((g) => g === null).length,
      },
      rows: visible.map((s) => {
        const tally = memberTally(tallies.get(s.id)?.get(''));
        return {
          subjectId: s.id,
          name: s.name,
          orgName: s.org_name,
          category: s.category,
          graded: s.graded,
          tally,
          total: MEMBER_GRADES.reduce((n, g) => n + tally[g], 0),
          suggestedGrade: s.graded ? (suggestions.get(s.id) ?? null) : null,
          proposedGrade: isMemberGrade(s.proposedGrade) ? (s.proposedGrade as MemberGrade) : null,
          finalGrade: isMemberGrade(s.finalGrade) ? (s.finalGrade as MemberGrade) : null,
        };
      }),
    };
  }

  return {
    turnoutOf,
    results,

    async turnout(actor: Actor, id: string) {
      const { c, whole, roots } = await access.campaignFor(actor, id, 'read');
      return turnoutOf(c, whole ? null : roots);
    },

    async resultsFor(actor: Actor, id: string) {
      const { c, whole, roots } = await access.campaignFor(actor, id, 'read');
      return results(c, whole, roots);
    },

    /** At close: each secretary's overall grade from the tally, kept on the subject. Returns how many were graded. */
    async recordSecretaryGrades(c: CampaignRow, tx: Tx) {
      const tallies = tallyMap(await repo.tallies(c.id, tx));
      const thresholds = c.settings.thresholds ?? DEFAULT_SATISFACTION_THRESHOLDS;
      let n = 0;
      for (const s of await repo.subjects(c.id, tx)) {
        const grade: SecretaryChoice | null = secretaryResult(
          secretaryTally(tallies.get(s.id)?.get('')),
          thresholds,
        ).grade;
        if (grade) n += 1;
        await tx.execute(sql`update evaluation_subjects set result_grade = ${grade} where id = ${s.id}`);
      }
      return n;
    },

    /**
     * One ballot per voter. The receipt insert decides the race: 10 concurrent casts leave one receipt and one set
     * of choices; a retry carrying the same ballot key is answered as the first cast (nothing counted twice), any
     * other second cast is refused politely. The audit event names the voter and never the choices.
     */
    async cast(ctx: RequestContext, campaignId: string, body: CastBallotBody): Promise<BallotReceipt> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const me = await access.myMember(actor, tx);
        // Shared lock: closing the vote (FOR UPDATE) waits for casts in flight, and casts wait for a close.
        const c = await repo.campaign(campaignId, tx, 'share');
        if (!c) throw notFound();
        const [voter] = await queryRows<{ subject_id: string | null }>(
          tx,
          sql`select subject_id from evaluation_voters where campaign_id = ${c.id} and member_id = ${me.id}`,
        );
        const [subjectOf] = voter
          ? []
          : await queryRows(
              tx,
              sql`select 1 from evaluation_subjects where campaign_id = ${c.id} and member_id = ${me.id} limit 1`,
            );
        if (!voter && !subjectOf) throw notFound();
        if (c.status !== 'voting') throw new AppError('EVALUATION_STATE', MESSAGES.evaluationNotVoting);
        if (!voter) throw new AppError('BALLOT_NOT_ELIGIBLE', MESSAGES.ballotNotEligible);
        const subjects = await queryRows<{ id: string; member_id: string | null; graded: boolean }>(
          tx,
          sql`select id, member_id, graded from evaluation_subjects where campaign_id = ${c.id}`,
        );
        const checked = ballotRows(c.kind as EvaluationKind, body.entries, {
          subjects: new Map(subjects.map((s) => [s.id, { id: s.id, memberId: s.member_id, graded: s.graded }])),
          itemKeys: c.settings.items.map((i) => i.key),
          voter: { memberId: me.id, subjectId: voter.subject_id },
        });
        if (!checked.ok) throw fieldError(checked.problem.path, PROBLEM_TEXT(checked.problem));
        const keyHash = createHash('sha256').update(`${c.id}:${body.ballotKey}`).digest('hex');
        const [receipt] = await queryRows<{ cast_at: Date | string }>(
          tx,
          sql`insert into ballot_receipts (campaign_id, member_id, key_hash) values (${c.id}, ${me.id}, ${keyHash})
            on conflict do nothing returning cast_at`,
        );
        if (!receipt) {
          const [prior] = await queryRows<{ key_hash: string; cast_at: Date | string }>(
            tx,
            sql`select key_hash, cast_at from ballot_receipts where campaign_id = ${c.id} and member_id = ${me.id}`,
          );
          const at = new Date(prior!.cast_at);
          if (prior!.key_hash === keyHash) return { campaignId: c.id, castAt: at.toISOString(), replayed: true };
          throw new AppError('BALLOT_ALREADY_CAST', MESSAGES.ballotAlreadyCast(at));
        }
        const rows = shuffled(checked.rows, randomInt).map((r) => ({ id: randomUUID(), campaignId: c.id, ...r }));
        for (let i = 0; i < rows.length; i += 500) await tx.insert(ballotChoices).values(rows.slice(i, i + 500));
        audit.record({
          action: 'evaluation.ballot_cast',
          entity: 'evaluation_campaign',
          entityId: c.id,
          orgPath: c.orgPath,
          after: { voterMemberId: me.id },
        });
        return { campaignId: c.id, castAt: new Date(receipt.cast_at).toISOString(), replayed: false };
      });
    },
  };
}

export type BallotService = ReturnType<typeof createBallotService>;
