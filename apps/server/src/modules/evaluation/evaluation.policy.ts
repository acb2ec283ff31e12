import {
  type CastBallotBody,
  type EvaluationKind,
  MEMBER_GRADES,
  type MemberGrade,
  SECRETARY_CHOICES,
} from '@red-engine/shared';

/** The path of an organization's parent ('' for a root). */
export const parentPathOf = (path: string) => path.replace(/[^/]+\/$/, '');

/** True when one of the roots covers the path. */
export const covers = (roots: readonly string[], path: string) => roots.some((r) => path.startsWith(r));

/**
 * The superior confirms a branch's grades: someone whose subtree holds the branch's parent. For an organization
 * without a parent, only a zone-wide holder.
 */
export function coversSuperior(roots: readonly string[], orgPath: string): boolean {
  const parent = parentPathOf(orgPath);
  return parent ? covers(roots, parent) : roots.some((r) => r === orgPath);
}

/** True when one path lies inside another of the list (reporting organizations must not nest). */
export function nested(paths: readonly string[]): boolean {
  for (const a of paths) for (const b of paths) if (a !== b && a.startsWith(b)) return true;
  return false;
}

export const defaultTitle = (kind: EvaluationKind, year: number) =>
  kind === 'secretary_review' ? `${year}年度党组织书记抓党建工作述职评议` : `${year}年度民主评议党员`;

/** 分项测评 items from their labels: stable keys i1, i2 … */
export const itemsOf = (labels: readonly string[]) => labels.map((label, i) => ({ key: `i${i + 1}`, label }));

/** Items a 述职评议 suggests by default (the usual 抓党建 述职 headings); editable per campaign. */
export const DEFAULT_ITEMS = [
  '履行党建第一责任人职责',
  '班子和党员队伍建设',
  '落实组织生活制度',
  '发挥作用推动发展',
  '廉洁自律和作风建设',
];

export type BallotSubject = { id: string; memberId: string | null; graded: boolean };
export type BallotVoter = { memberId: string; subjectId: string | null };
export type ChoiceRow = { subjectId: string; item: string; choice: string };
export type BallotProblem =
  | { path: string; reason: 'subject_not_in_campaign' | 'subject_not_eligible' | 'self' | 'duplicate' | 'ungraded' }
  | { path: string; reason: 'wrong_choice' | 'items_not_here' }
  | { path: string; reason: 'unknown_item'; key: string };

/**
 * Checks a ballot against the campaign and the voter's place on the roll and turns it into choice rows (overall
 * choice with item '', then one row per item). Rows carry nothing about the voter.
 */
export function ballotRows(
  kind: EvaluationKind,
  entries: CastBallotBody['entries'],
  ctx: { subjects: ReadonlyMap<string, BallotSubject>; itemKeys: readonly string[]; voter: BallotVoter },
): { ok: true; rows: ChoiceRow[] } | { ok: false; problem: BallotProblem } {
  const choices: readonly string[] = kind === 'secretary_review' ? SECRETARY_CHOICES : MEMBER_GRADES;
  const seen = new Set<string>();
  const rows: ChoiceRow[] = [];
  for (const [i, e] of entries.entries()) {
    const path = `body.entries.${i}`;
    const subject = ctx.subjects.get(e.subjectId);
    if (!subject) return { ok: false, problem: { path: `${path}.subjectId`, reason: 'subject_not_in_campaign' } };
    if (ctx.voter.subjectId !== null && ctx.voter.subjectId !== e.subjectId)
      return { ok: false, problem: { path: `${path}.subjectId`, reason: 'subject_not_eligible' } };
    if (subject.memberId !== null && subject.memberId === ctx.voter.memberId)
      return { ok: false, problem: { path: `${path}.subjectId`, reason: 'self' } };
    if (!subject.graded) return { ok: false, problem: { path: `${path}.subjectId`, reason: 'ungraded' } };
    if (seen.has(e.subjectId)) return { ok: false, problem: { path: `${path}.subjectId`, reason: 'duplicate' } };
    seen.add(e.subjectId);
    if (!choices.includes(e.choice)) return { ok: false, problem: { path: `${path}.choice`, reason: 'wrong_choice' } };
    rows.push({ subjectId: e.subjectId, item: '', choice: e.choice });
    const items = e.items ?? [];
    if (items.length && kind !== 'secretary_review')
      return { ok: false, problem: { path: `${path}.items`, reason: 'items_not_here' } };
    const seenItems = new Set<string>();
    for (const [j, it] of items.entries()) {
      if (!ctx.itemKeys.includes(it.key) || seenItems.has(it.key))
        return { ok: false, problem: { path: `${path}.items.${j}.key`, reason: 'unknown_item', key: it.key } };
      seenItems.add(it.key);
      rows.push({ subjectId: e.subjectId, item: it.key, choice: it.choice });
    }
  }
  return { ok: true, rows };
}

/** Fisher–Yates with crypto randomness: choice rows go in in no particular order. */
export function shuffled<T>(list: readonly T[], random: (n: number) => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export const isMemberGrade = (g: string | null | undefined): g is MemberGrade =>
  !!g && (MEMBER_GRADES as readonly string[]).includes(g);
