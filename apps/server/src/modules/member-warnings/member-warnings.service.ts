import type { MemberWarnings, MemberWarningsQuery } from '@red-engine/shared';
import type { Actor } from '../../core/actor.js';
import { scopePaths } from '../../core/scope.js';
import type { Db } from '../../db/client.js';
import { todayIso } from '../member/index.js';
import { createTransferRepository } from '../transfer/index.js';
import { warningsOf } from './member-warnings.policy.js';
import { createMemberWarningsRepository } from './member-warnings.repository.js';

const LEVEL_ORDER = ['remove_due', 'suspend_due', 'transfer_due', 'suspended', 'lost', 'flowing'];

export function createMemberWarningsService(deps: { db: Db; today?: () => string }) {
  const { db } = deps;
  const today = deps.today ?? (() => todayIso());
  const repo = createMemberWarningsRepository(db);
  const rulesRepo = createTransferRepository(db);

  return {
    /** Lost-contact and flowing members in the actor's scope, most urgent first, computed for today. */
    async list(actor: Actor, q: MemberWarningsQuery): Promise<MemberWarnings> {
      const now = today();
      const rules = await rulesRepo.rules();
      const sources = await repo.sources(scopePaths(actor, 'member:read'), q);
      const all = sources.flatMap((m) => warningsOf(m, now, rules)).filter((w) => !q.kind || w.kind === q.kind);
      const counts: Record<string, number> = Object.fromEntries(LEVEL_ORDER.map((l) => [l, 0]));
      for (const w of all) counts[w.level] = (counts[w.level] ?? 0) + 1;
      const data = all
        .filter((w) => !q.level || w.level === q.level)
        .sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || (a.since < b.since ? -1 : 1));
      return { today: now, rules, counts, data };
    },
  };
}
export type MemberWarningsService = ReturnType<typeof createMemberWarningsService>;
