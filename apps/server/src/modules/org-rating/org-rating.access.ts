import { type RatingState, ROLE_PERMISSIONS, type Role } from '@red-engine/shared';
import type { Actor } from '../../core/actor.js';
import { AppError } from '../../core/errors.js';
import { type RatingActionName, ORG_RATING_MESSAGES as RM } from '../../core/messages-org-rating.js';
import { scopePaths } from '../../core/scope.js';
import type { DbOrTx } from '../../db/client.js';
import { type ReviewerStanding, reviewerStanding } from './org-rating.policy.js';
import type { OrgRatingRepository } from './org-rating.repository.js';

export const readRoots = (actor: Actor) => scopePaths(actor, 'rating:read');
export const manageRoots = (actor: Actor) => scopePaths(actor, 'rating:manage');

export const wrongState = (action: RatingActionName, state: string) =>
  new AppError('RATING_STATE', RM.ratingWrongState(action, state as RatingState), { details: { state } });

export function requireState(action: RatingActionName, state: string, allowed: readonly RatingState[]) {
  if (!allowed.includes(state as RatingState)) throw wrongState(action, state);
}

/** Who may review and decide on ratings: superiors who do not belong to the rated organization. */
export function createRatingAccess(repo: OrgRatingRepository) {
  /** The actor's standing towards the organization at `orgPath`. */
  async function standing(actor: Actor, orgPath: string, tx?: DbOrTx): Promise<ReviewerStanding> {
    const member = await repo.memberPathOf(actor.userId, tx);
    return reviewerStanding(orgPath, {
      manageRoots: manageRoots(actor),
      grantPaths: actor.roles.map((r) => r.orgPath),
      memberPath: member?.org_path ?? null,
    });
  }

  /** Refuses (409 RATING_REVIEWER_EXCLUDED, naming why) unless the actor is a superior not belonging to it. */
  async function requireSuperior(actor: Actor, orgPath: string, tx?: DbOrTx) {
    const s = await standing(actor, orgPath, tx);
    if (s === 'belongs') throw new AppError('RATING_REVIEWER_EXCLUDED', RM.ratingReviewerBelongs);
    if (s === 'not_superior') throw new AppError('RATING_REVIEWER_EXCLUDED', RM.ratingReviewerNotSuperior);
  }

  /** Another user's standing, from their role grants and linked member. */
  async function standingOfUser(userId: string, orgPath: string, tx?: DbOrTx): Promise<ReviewerStanding> {
    const [grants, member] = await Promise.all([repo.grantsOf(userId, tx), repo.memberPathOf(userId, tx)]);
    return reviewerStanding(orgPath, {
      manageRoots: grants
        .filter((g) => (ROLE_PERMISSIONS[g.role as Role] ?? []).includes('rating:manage'))
        .map((g) => g.org_path),
      grantPaths: grants.map((g) => g.org_path),
      memberPath: member?.org_path ?? null,
    });
  }

  return { standing, requireSuperior, standingOfUser };
}

export type RatingAccess = ReturnType<typeof createRatingAccess>;
