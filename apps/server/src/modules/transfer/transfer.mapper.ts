import type { Transfer, TransferKind, TransferLetter, TransferStatus, TransferStep } from '@red-engine/shared';
import { isOverdue } from './transfer.policy.js';
import type { StepRow, TransferRow } from './transfer.repository.js';

type Names = ReadonlyMap<string, { name: string }>;
const nameOf = (names: Names, id: string | null) => (id ? (names.get(id)?.name ?? null) : null);

export function toStepDto(s: StepRow, names: Names): TransferStep {
  return {
    stepNo: s.stepNo,
    orgId: s.orgId,
    orgName: nameOf(names, s.orgId) ?? '',
    status: s.status as TransferStep['status'],
    actorName: s.actorName,
    actedAt: s.actedAt ? s.actedAt.toISOString() : null,
    comment: s.comment,
  };
}

/** Whitelisted output: never the sealed incoming record or its hash. */
export function toTransferDto(
  row: TransferRow,
  steps: readonly StepRow[],
  names: Names,
  overdue: { today: string; days: number },
): Transfer {
  const current = row.status === 'pending' ? steps.find((s) => s.status === 'pending') : undefined;
  return {
    id: row.id,
    kind: row.kind as TransferKind,
    status: row.status as TransferStatus,
    memberId: row.memberId,
    memberName: row.memberName,
    fromOrgId: row.fromOrgId,
    fromOrgName: nameOf(names, row.fromOrgId),
    toOrgId: row.toOrgId,
    toOrgName: nameOf(names, row.toOrgId),
    destination: row.destination,
    source: row.source,
    sourceLetterNo: row.sourceLetterNo,
    reason: row.reason,
    requestedOn: row.requestedOn,
    requestedBy: row.requestedByName,
    letterNo: row.letterNo,
    letterValidDays: row.letterValidDays,
    letterIssuedOn: row.letterIssuedOn,
    letterValidUntil: row.letterValidUntil,
    duesPaidUntil: row.duesPaidUntil,
    receiptOn: row.receiptOn,
    rejectionReason: row.rejectionReason,
    completedOn: row.completedOn,
    currentStepNo: current?.stepNo ?? null,
    overdue: isOverdue(row, overdue.today, overdue.days),
    steps: steps.map((s) => toStepDto(s, names)),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What an audit event keeps of a transfer: no sealed personal data. */
export const transferAuditView = (row: TransferRow) => ({
  kind: row.kind,
  status: row.status,
  memberId: row.memberId,
  memberName: row.memberName,
  fromOrgId: row.fromOrgId,
  toOrgId: row.toOrgId,
  destination: row.destination,
  source: row.source,
  sourceLetterNo: row.sourceLetterNo,
  reason: row.reason,
  requestedOn: row.requestedOn,
  letterNo: row.letterNo,
  letterValidDays: row.letterValidDays,
  letterIssuedOn: row.letterIssuedOn,
  letterValidUntil: row.letterValidUntil,
  duesPaidUntil: row.duesPaidUntil,
  receiptOn: row.receiptOn,
  rejectionReason: row.rejectionReason,
  completedOn: row.completedOn,
});

const escapeHtml = (s: string | number | null | undefined) =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const cnDate = (iso: string | null) => {
  if (!iso) return '____年__月__日';
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
const cnMonth = (ym: string | null) => {
  if (!ym) return '____年__月';
  const [y, m] = ym.split('-').map(Number);
  return `${y}年${m}月`;
};

/**
 * A printable, self-contained A4 page of the letter (组通字〔2006〕45号 layout): 存根, 主件 and 回执 separated by
 * dashed 骑缝 lines, inline styles only, no scripts or external assets. Every value is HTML-escaped.
 */
export function renderLetterHtml(l: TransferLetter): string {
  const e = escapeHtml;
  const to = l.toOrgName ?? l.destination ?? '';
  const who = `${e(l.memberName)}同志（${e(l.genderName)}，${e(l.age)}岁，${e(l.ethnicity)}，${e(l.categoryName ?? '')}，身份证号码 ${e(l.idNumberMasked)}）`;
  const seam = (n: string) => `<div class="seam"><span>骑缝　${e(l.letterNo)}　骑缝</span></div><!-- ${e(n)} -->`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>中国共产党党员组织关系介绍信 ${e(l.letterNo)}</title>
<style>
  @page { size: A4; margin: 14mm 16mm; }
  * { box-sizing: border-box; }
  body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; color: #000; margin: 0; font-size: 14px; line-height: 1.9; }
  .part { padding: 4mm 2mm; page-break-inside: avoid; }
  h1 { font-size: 20px; text-align: center; margin: 0 0 2mm; letter-spacing: 2px; }
  h1 small { display: block; font-size: 14px; letter-spacing: 0; }
  .no { text-align: right; margin: 0; }
  .body p { margin: 0; text-indent: 2em; }
  .sign { text-align: right; margin-top: 3mm; }
  .meta { margin: 0; }
  .seam { border-top: 1px dashed #000; margin: 5mm 0; text-align: center; height: 0; }
  .seam span { position: relative; top: -0.8em; background: #fff; padding: 0 3mm; font-size: 12px; }
  .u { text-decoration: underline; }
</style>
</head>
<body>
<section class="part stub">
  <h1>中国共产党党员组织关系介绍信<small>（存　根）</small></h1>
  <p class="no">${e(l.letterNo)}</p>
  <div class="body">
    <p>${who}，系${e(l.categoryName ?? '')}，组织关系由 <span class="u">${e(l.fromOrgName)}</span> 转到 <span class="u">${e(to)}</span>。</p>
    <p>党费已交到 ${e(cnMonth(l.duesPaidUntil))}。有效期 ${e(l.validDays)} 天（至 ${e(cnDate(l.validUntil))}）。</p>
  </div>
  <p class="sign">${e(l.issuingOrgName)}<br>${e(cnDate(l.issuedOn))}</p>
</section>
${seam('存根/主件')}
<section class="part main">
  <h1>中国共产党党员组织关系介绍信</h1>
  <p class="no">${e(l.letterNo)}</p>
  <div class="body">
    <p class="meta"><span class="u">${e(to)}</span>：</p>
    <p>兹介绍${who}的党员组织关系由 <span class="u">${e(l.fromOrgName)}</span> 转去，请接洽。</p>
    <p>该同志党费已交到 ${e(cnMonth(l.duesPaidUntil))}。</p>
    <p>（有效期 ${e(l.validDays)} 天，至 ${e(cnDate(l.validUntil))}）</p>
  </div>
  <p class="sign">${e(l.issuingOrgName)}（盖章）<br>${e(cnDate(l.issuedOn))}</p>
</section>
${seam('主件/回执')}
<section class="part receipt">
  <h1>中国共产党党员组织关系介绍信<small>（回　执）</small></h1>
  <p class="no">${e(l.letterNo)}</p>
  <div class="body">
    <p class="meta"><span class="u">${e(l.issuingOrgName)}</span>：</p>
    <p>${e(l.memberName)}同志的党员组织关系已转达我处，特此回复。</p>
  </div>
  <p class="sign">接收党组织（盖章）<br>${e(cnDate(l.receiptOn))}</p>
</section>
</body>
</html>
`;
}
