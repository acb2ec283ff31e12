import type { TransferKind } from '@red-engine/shared';

/** The organization ids of a materialized path, root first ('a/b/c/' → [a, b, c]). */
export const pathIds = (path: string): string[] => path.split('/').filter(Boolean);

/**
 * The approval chain of a transfer, computed from the two branches' paths (root first, ids joined by '/'):
 * - within the zone: from the sending branch's parent up to the lowest common ancestor, then down to the
 *   receiving branch's parent — each organization once, never a branch itself;
 * - out of the zone: from the sending branch's parent up to the zone root;
 * - into the zone: from the receiving branch's parent up to the zone root's direct child (or the root when the
 *   branch sits right under it).
 * Returns null when the paths do not allow a chain (missing path, two different zones, the same branch).
 */
export function approvalChain(kind: TransferKind, fromPath: string | null, toPath: string | null): string[] | null {
  const from = fromPath ? pathIds(fromPath) : [];
  const to = toPath ? pathIds(toPath) : [];
  const parentsUp = (ids: string[], stopAt: number) => {
    const out: string[] = [];
    for (let i = ids.length - 2; i >= stopAt; i--) out.push(ids[i]!);
    return out;
  };
  switch (kind) {
    case 'out_of_zone': {
      if (from.length === 0) return null;
      const chain = parentsUp(from, 0);
      return chain.length > 0 ? chain : [from[0]!];
    }
    case 'into_zone': {
      if (to.length === 0) return null;
      if (to.length <= 2) return [to[0]!];
      return parentsUp(to, 1);
    }
    case 'within_zone': {
      if (from.length === 0 || to.length === 0 || from[0] !== to[0]) return null;
      const fromBranch = from.at(-1)!;
      const toBranch = to.at(-1)!;
      if (fromBranch === toBranch) return null;
      let common = 0;
      while (common < from.length && common < to.length && from[common] === to[common]) common++;
      const lca = common - 1;
      const up = parentsUp(from, lca);
      const down = to.slice(lca + 1, -1);
      // The LCA is on the way up already unless the sending branch is the LCA itself (not a real shape).
      const chain = up.length > 0 ? [...up, ...down] : [from[lca]!, ...down];
      const seen = new Set<string>();
      return chain.filter((id) => {
        if (id === fromBranch || id === toBranch || seen.has(id)) return false;
        seen.add(id);
        return true;
      });
    }
  }
}

/** The lowest organization both paths share (the within-zone letter's issuing level). */
export function lowestCommonAncestor(a: string, b: string): string | null {
  const x = pathIds(a);
  const y = pathIds(b);
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i > 0 ? x[i - 1]! : null;
}

/** 介绍信编号 prefix: 鄂(尔多斯)开(发区)党(工委)转 */
export const LETTER_PREFIX = '鄂开党转';

/** '鄂开党转〔2026〕0001号' */
export const formatLetterNo = (year: number, n: number) => `${LETTER_PREFIX}〔${year}〕${String(n).padStart(4, '0')}号`;

/** The serial of a letter number of that year, or 0 when it is not one. */
export function letterSerial(letterNo: string | null | undefined, year: number): number {
  const m = letterNo?.match(/^.+〔(\d{4})〕(\d+)号$/);
  return m && Number(m[1]) === year ? Number(m[2]) : 0;
}

export const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Pending longer than the rule allows, or a letter that expired before its receipt came back. */
export function isOverdue(
  t: {
    status: string;
    requestedOn: string;
    letterValidUntil: string | null;
    receiptOn: string | null;
  },
  today: string,
  overdueDays: number,
): boolean {
  if (t.status === 'pending') return addDays(t.requestedOn, overdueDays) < today;
  if (t.status === 'completed')
    return t.letterValidUntil !== null && t.receiptOn === null && t.letterValidUntil < today;
  return false;
}
