import { systemContext } from '../../core/actor.js';
import { createPointsModule, type PointsDeps } from './index.js';

export class PointsCliError extends Error {}

/**
 * `red-engine points verify`: recomputes every balance from the ledger; exit 0 when all agree, 2 naming each member
 * whose stored total differs. `red-engine points grant --period P`: books the automatic points of a period for the
 * whole zone (idempotent), as the system actor `cli`.
 */
export async function pointsCommand(
  deps: PointsDeps,
  args: { sub: string | undefined; period: string | undefined },
  log: { out: (s: string) => void; err: (s: string) => void } = { out: console.log, err: console.error },
): Promise<number> {
  const points = createPointsModule(deps);
  switch (args.sub) {
    case 'verify': {
      const v = await points.run.verify();
      if (v.ok) {
        log.out(`points verified: ${v.balances} balances agree with ${v.entries} ledger entries`);
        return 0;
      }
      for (const m of v.mismatches)
        log.err(
          `member ${m.name ?? '(unknown)'} ${m.member_id} year ${m.year}: stored ${m.stored}, ledger ${m.ledger}`,
        );
      log.err(`points verify failed: ${v.mismatches.length} balance(s) differ from the ledger`);
      return 2;
    }
    case 'grant': {
      if (!args.period) throw new PointsCliError('usage: red-engine points grant --period 2026-11');
      const ctx = { ...systemContext('cli'), actor: null };
      try {
        const r = await points.run.run(ctx, { period: args.period, roots: null });
        log.out(
          `points granted for ${r.period}: ${r.booked} entries (${r.points >= 0 ? '+' : ''}${r.points} points) for ${r.members} members; ` +
            `${r.alreadyBooked} already booked, ${r.capped} capped, ${r.exempted} exempted, ${r.reversed} corrected`,
        );
        return 0;
      } catch (err) {
        const e = err as { details?: { text?: { 'en-US'?: string } }[] };
        const text = e.details?.[0]?.text?.['en-US'];
        if (text) throw new PointsCliError(`--period: ${text}`);
        throw err;
      }
    }
    default:
      throw new PointsCliError('usage: red-engine points verify | red-engine points grant --period YYYY-MM');
  }
}
