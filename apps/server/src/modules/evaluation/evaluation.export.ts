import type { MemberGrade, Results, SecretaryChoice } from '@red-engine/shared';
import ExcelJS from 'exceljs';
import type { RequestContext } from '../../core/actor.js';
import { inTransaction } from '../../core/transaction.js';
import type { Db } from '../../db/client.js';
import type { EvaluationAccess } from './evaluation.access.js';
import type { BallotService } from './evaluation.ballots.js';
import type { RectificationService } from './evaluation.rectifications.js';

const SECRETARY: Record<SecretaryChoice, [string, string]> = {
  good: ['好', 'Good'],
  fairly_good: ['较好', 'Fairly good'],
  average: ['一般', 'Average'],
  poor: ['差', 'Poor'],
};
const GRADE: Record<MemberGrade, [string, string]> = {
  excellent: ['优秀', 'Excellent'],
  qualified: ['合格', 'Qualified'],
  basically_qualified: ['基本合格', 'Basically qualified'],
  unqualified: ['不合格', 'Unqualified'],
};
const STATUS: Record<string, [string, string]> = {
  open: ['未开始', 'Open'],
  in_progress: ['整改中', 'In progress'],
  closed: ['已销号', 'Closed'],
};

/**
 * The results as a workbook: aggregates only (counts per subject, turnout per organization, the rectification
 * list). There is no sheet of voters or ballots, because nothing stored could make one.
 */
export function createEvaluationExport(deps: {
  db: Db;
  access: EvaluationAccess;
  ballots: BallotService;
  rectifications: RectificationService;
}) {
  const { access, ballots } = deps;

  return {
    async xlsx(ctx: RequestContext, id: string): Promise<{ file: Buffer; name: string; ascii: string }> {
      const actor = ctx.actor!;
      const zh = ctx.locale === 'zh-CN';
      const L = (pair: [string, string]) => (zh ? pair[0] : pair[1]);
      const { c, whole, roots } = await access.campaignFor(actor, id, 'read');
      const results: Results = await ballots.results(c, whole, roots);
      const turnout = await ballots.turnoutOf(c, whole ? null : roots);
      const wb = new ExcelJS.Workbook();
      wb.creator = 'Red Engine';
      const header = (ws: ExcelJS.Worksheet) => {
        ws.getRow(1).font = { bold: true };
        ws.views = [{ state: 'frozen', ySplit: 1 }];
      };
      if (results.kind === 'secretary_review') {
        const ws = wb.addWorksheet(zh ? '测评结果' : 'Results');
        ws.columns = [
          { header: zh ? '序号' : 'No.', key: 'no', width: 6 },
          { header: zh ? '组织' : 'Organization', key: 'org', width: 34 },
          { header: zh ? '书记' : 'Secretary', key: 'name', width: 12 },
          ...(['good', 'fairly_good', 'average', 'poor'] as const).map((k) => ({
            header: L(SECRETARY[k]),
            key: k,
            width: 8,
          })),
          { header: zh ? '有效票' : 'Ballots', key: 'total', width: 8 },
          { header: zh ? '满意率(%)' : 'Satisfaction (%)', key: 'sat', width: 12 },
          { header: zh ? '综合等次' : 'Grade', key: 'grade', width: 10 },
          { header: zh ? '点评' : 'Comment', key: 'comment', width: 60 },
        ];
        for (const [i, r] of results.rows.entries())
          ws.addRow({
            no: i + 1,
            org: r.orgName,
            name: r.name,
            ...r.tally,
            total: r.total,
            sat: r.satisfactionPercent,
            grade: r.grade ? L(SECRETARY[r.grade]) : '',
            comment: r.comment ?? '',
          });
        header(ws);
        if (results.items.length) {
          const items = wb.addWorksheet(zh ? '分项测评' : 'Items');
          items.columns = [
            { header: zh ? '组织' : 'Organization', key: 'org', width: 34 },
            { header: zh ? '书记' : 'Secretary', key: 'name', width: 12 },
            { header: zh ? '测评内容' : 'Item', key: 'item', width: 26 },
            ...(['good', 'fairly_good', 'average', 'poor'] as const).map((k) => ({
              header: L(SECRETARY[k]),
              key: k,
              width: 8,
            })),
            { header: zh ? '满意率(%)' : 'Satisfaction (%)', key: 'sat', width: 12 },
          ];
          for (const r of results.rows)
            for (const it of r.items)
              items.addRow({
                org: r.orgName,
                name: r.name,
                item: results.items.find((x) => x.key === it.key)?.label ?? it.key,
                ...it.tally,
                sat: it.satisfactionPercent,
              });
          header(items);
        }
        const list = await deps.rectifications.list(actor, {
          campaignId: c.id,
          current: 1,
          pageSize: 200,
        });
        const rect = wb.addWorksheet(zh ? '整改清单' : 'Rectification');
        rect.columns = [
          { header: zh ? '组织' : 'Organization', key: 'org', width: 34 },
          { header: zh ? '问题' : 'Problem', key: 'problem', width: 40 },
          { header: zh ? '整改措施' : 'Measure', key: 'measure', width: 40 },
          { header: zh ? '责任人' : 'Owner', key: 'owner', width: 10 },
          { header: zh ? '整改时限' : 'Due', key: 'due', width: 12 },
          { header: zh ? '状态' : 'Status', key: 'status', width: 10 },
          { header: zh ? '完成情况' : 'Closing note', key: 'closing', width: 40 },
        ];
        for (const r of list.data)
          rect.addRow({
            org: r.orgName,
            problem: r.problem,
            measure: r.measure ?? '',
            owner: r.ownerName,
            due: r.dueOn,
            status: L(STATUS[r.status] ?? [r.status, r.status]),
            closing: r.closingNote ?? '',
          });
        header(rect);
      } else {
        const ws = wb.addWorksheet(zh ? '民主评议结果' : 'Results');
        ws.columns = [
          { header: zh ? '序号' : 'No.', key: 'no', width: 6 },
          { header: zh ? '姓名' : 'Name', key: 'name', width: 12 },
          { header: zh ? '党支部' : 'Branch', key: 'org', width: 30 },
          { header: zh ? '类别' : 'Category', key: 'category', width: 10 },
          ...(['excellent', 'qualified', 'basically_qualified', 'unqualified'] as const).map((k) => ({
            header: zh ? `${GRADE[k][0]}票` : GRADE[k][1],
            key: k,
            width: 9,
          })),
          { header: zh ? '票数' : 'Ballots', key: 'total', width: 8 },
          { header: zh ? '建议等次' : 'Suggested', key: 'suggested', width: 10 },
          { header: zh ? '拟定等次' : 'Proposed', key: 'proposed', width: 10 },
          { header: zh ? '审定等次' : 'Confirmed', key: 'final', width: 10 },
        ];
        for (const [i, r] of results.rows.entries())
          ws.addRow({
            no: i + 1,
            name: r.name,
            org: r.orgName,
            category: r.category === 'probationary' ? (zh ? '预备党员' : 'Probationary') : zh ? '正式党员' : 'Full',
            ...r.tally,
            total: r.total,
            suggested: r.graded
              ? r.suggestedGrade
                ? L(GRADE[r.suggestedGrade])
                : ''
              : zh
                ? '不评定等次'
                : 'Not graded',
            proposed: r.proposedGrade ? L(GRADE[r.proposedGrade]) : '',
            final: r.finalGrade ? L(GRADE[r.finalGrade]) : '',
          });
        header(ws);
        const q = wb.addWorksheet(zh ? '优秀比例' : 'Quota');
        q.addRows([
          [zh ? '评定等次人数' : 'Graded', results.quota.graded],
          [zh ? '拟定优秀人数' : 'Proposed excellent', results.quota.excellent],
          [
            zh ? `优秀上限（1/${results.quota.denominator}）` : `Excellent at most (1/${results.quota.denominator})`,
            results.quota.max,
          ],
        ]);
      }
      const t = wb.addWorksheet(zh ? '投票情况' : 'Turnout');
      t.columns = [
        { header: zh ? '组织' : 'Organization', key: 'org', width: 34 },
        { header: zh ? '应投票' : 'Eligible', key: 'eligible', width: 10 },
        { header: zh ? '已投票' : 'Voted', key: 'cast', width: 10 },
      ];
      for (const r of turnout.byOrg) t.addRow({ org: r.orgName, eligible: r.eligible, cast: r.cast });
      t.addRow({ org: zh ? '合计' : 'Total', eligible: turnout.eligible, cast: turnout.cast });
      header(t);
      // Results name people and their grades: who took a copy is recorded.
      await inTransaction(deps.db, ctx, async (_tx, audit) => {
        audit.record({
          action: 'evaluation.exported',
          entity: 'evaluation_campaign',
          entityId: c.id,
          orgPath: c.orgPath,
          after: { rows: results.rows.length, whole },
        });
      });
      const stem = `${c.year}-${c.kind === 'secretary_review' ? 'secretary-review' : 'member-evaluation'}`;
      return {
        file: Buffer.from(await wb.xlsx.writeBuffer()),
        name: `${c.title}-${zh ? '结果' : 'results'}.xlsx`,
        ascii: `${stem}-results.xlsx`,
      };
    },
  };
}
