import { starChange, starQuotaViolations } from '@red-engine/shared';
import type { Actor } from '../../core/actor.js';
import { AppError } from '../../core/errors.js';
import { ORG_RATING_MESSAGES as RM } from '../../core/messages-org-rating.js';
import type { AuditRecorder } from '../../core/transaction.js';
import type { DbOrTx } from '../../db/client.js';
import type { CampaignRow, OrgRatingRepository, RatingRow, SchemeFull } from './org-rating.repository.js';

/**
 * Refuses (409 RATING_QUOTA_EXCEEDED, naming the quota) when giving `adding` stars to more ratings would break a
 * quota of the scheme. The caller holds the campaign row's lock, so the count of final ratings cannot move.
 * `excluding` leaves one rating out of the count (its own stars are being changed).
 */
export async function assertQuotas(
  repo: OrgRatingRepository,
  tx: DbOrTx,
  campaign: CampaignRow,
  scheme: SchemeFull,
  adding: (number | null)[],
  excluding?: RatingRow,
) {
  const rows = await repo.campaignStars(campaign.id, tx);
  const total = rows.reduce((a, r) => a + r.n, 0);
  const finals = new Map<number, number>();
  for (const r of rows)
    if (r.state === 'final' && r.stars !== null) finals.set(r.stars, (finals.get(r.stars) ?? 0) + r.n);
  if (excluding?.state === 'final' && excluding.stars !== null)
    finals.set(excluding.stars, (finals.get(excluding.stars) ?? 1) - 1);
  const violations = starQuotaViolations(scheme.quotas, total, finals, adding);
  const first = violations[0];
  if (first) throw new AppError('RATING_QUOTA_EXCEEDED', RM.ratingQuotaExceeded(first), { details: violations });
}

/**
 * Makes published ratings final (after the caller checked the window, the objections and the quotas): each gets
 * its up- or down-grade against the previous stars, a history row and an audit event.
 */
export async function makeFinal(
  repo: OrgRatingRepository,
  tx: DbOrTx,
  audit: AuditRecorder,
  actor: Actor,
  ratings: readonly RatingRow[],
  now: Date,
) {
  for (const r of ratings) {
    const previous = await repo.previousStars(r.orgId, r.year, tx);
    const change = starChange(previous, r.stars);
    await repo.updateRating(
      r.id,
      {
        state: 'final',
        previousStars: previous?.stars ?? null,
        previousYear: previous?.year ?? null,
        change,
        finalizedAt: now,
        finalizedById: actor.userId,
      },
      tx,
    );
    await repo.insertHistory(
      [
        {
          id: crypto.randomUUID(),
          orgId: r.orgId,
          orgPath: r.orgPath,
          year: r.year,
          ratingId: r.id,
          kind: 'rating',
          stars: r.stars,
          previousStars: previous?.stars ?? null,
          change,
          score: r.score,
          reason: null,
          byId: actor.userId,
          byName: actor.displayName,
          at: now,
        },
      ],
      tx,
    );
    audit.record({
      action: 'rating.finalize',
      entity: 'org_rating',
      entityId: r.id,
      orgPath: r.orgPath,
      before: { state: 'published' },
      after: { state: 'final', stars: r.stars, score: r.score, previousStars: previous?.stars ?? null, change },
    });
  }
}

export function campaignOf(repo: OrgRatingRepository, tx: DbOrTx, id: string): Promise<CampaignRow | undefined> {
  return repo.lockCampaign(id, tx);
}
