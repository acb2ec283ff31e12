import { sql } from 'drizzle-orm';
import type { Actor } from '../../core/actor.js';
import { AppError, forbidden, notFound } from '../../core/errors.js';
import { MESSAGES } from '../../core/messages.js';
import { pathsWhere, scopePaths } from '../../core/scope.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { covers, coversSuperior } from './evaluation.policy.js';
import { type CampaignRow, createEvaluationRepository, type SubjectRow } from './evaluation.repository.js';

/**
 * Who reaches what. Reading: the campaign's organization or one of its subjects lies in the caller's subtrees (a
 * branch then sees only its own subjects). Managing a campaign: its organization lies in the caller's subtrees.
 * Confirming grades: the organization's parent does (the superior). Anything else is 404.
 */
export function createEvaluationAccess(db: Db) {
  const repo = createEvaluationRepository(db);

  async function campaignFor(
    actor: Actor,
    id: string,
    mode: 'read' | 'manage' | 'superior',
    tx: DbOrTx = db,
    lock: 'update' | 'share' | null = null,
  ): Promise<{ c: CampaignRow; whole: boolean; roots: readonly string[] }> {
    const c = await repo.campaign(id, tx, lock);
    if (!c) throw notFound();
    if (mode === 'read') {
      const roots = scopePaths(actor, 'evaluation:read');
      if (covers(roots, c.orgPath)) return { c, whole: true, roots };
      const [hit] = await queryRows(
        tx,
        sql`select 1 from evaluation_subjects vs where vs.campaign_id = ${id} and ${pathsWhere(sql`vs.org_path`, roots)} limit 1`,
      );
      if (!hit) throw notFound();
      return { c, whole: false, roots };
    }
    const roots = scopePaths(actor, 'evaluation:manage');
    if (!covers(roots, c.orgPath)) throw notFound();
    if (mode === 'superior' && !coversSuperior(roots, c.orgPath)) throw forbidden();
    return { c, whole: true, roots };
  }

  /**
   * A subject and its campaign. 'subject': the subject's organization lies in the caller's manage subtrees (the
   * branch itself, e.g. entering its secretary's report); 'campaign': the campaign's organization does (点评, grades).
   */
  async function subjectFor(
    actor: Actor,
    id: string,
    mode: 'read' | 'subject' | 'campaign',
    tx: DbOrTx = db,
    lock = false,
  ): Promise<{ s: SubjectRow; c: CampaignRow }> {
    const s = await repo.subject(id, tx, lock);
    if (!s) throw notFound();
    const roots = scopePaths(actor, mode === 'read' ? 'evaluation:read' : 'evaluation:manage');
    if (!covers(roots, s.orgPath)) throw notFound();
    const c = (await repo.campaign(s.campaignId, tx))!;
    if (mode === 'campaign' && !covers(roots, c.orgPath)) throw forbidden();
    return { s, c };
  }

  /** The caller's own member record (H5 routes act for it); none → 404. */
  async function myMember(actor: Actor, tx: DbOrTx = db) {
    const m = await repo.memberOfUser(actor.userId, tx);
    if (!m) throw notFound();
    return m;
  }

  const wrongKind = () => new AppError('EVALUATION_STATE', MESSAGES.evaluationWrongKind);
  const transition = () => new AppError('EVALUATION_STATE', MESSAGES.evaluationTransition);

  return { repo, campaignFor, subjectFor, myMember, wrongKind, transition };
}

export type EvaluationAccess = ReturnType<typeof createEvaluationAccess>;
