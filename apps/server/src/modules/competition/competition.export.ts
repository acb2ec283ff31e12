import ExcelJS from 'exceljs';
import type { RequestContext } from '../../core/actor.js';
import { inTransaction } from '../../core/transaction.js';
import type { Db } from '../../db/client.js';
import { competitionRepository as repo } from './competition.repository.js';
import type { CompetitionStandings } from './competition.standings.js';

const FLAG: Record<string, [string, string]> = {
  too_fast: ['作答过快', 'Too fast'],
  identical_timing: ['作答节奏雷同', 'Identical timing'],
};

/** The results as a workbook: individual standings with their flags, and team standings. */
export function createCompetitionExport(deps: { db: Db; standings: CompetitionStandings }) {
  return {
    async xlsx(ctx: RequestContext, id: string): Promise<{ file: Buffer; name: string }> {
      const zh = ctx.locale === 'zh-CN';
      const r = await deps.standings.results(ctx.actor!, id);
      const wb = new ExcelJS.Workbook();
      wb.creator = 'Red Engine';
      const people = wb.addWorksheet(zh ? '个人成绩' : 'Individuals');
      people.columns = [
        { header: zh ? '名次' : 'Rank', key: 'rank', width: 8 },
        { header: zh ? '姓名' : 'Name', key: 'name', width: 12 },
        { header: zh ? '所在支部' : 'Branch', key: 'org', width: 34 },
        { header: zh ? '得分' : 'Score', key: 'score', width: 10 },
        { header: zh ? '答对' : 'Correct', key: 'correct', width: 8 },
        { header: zh ? '已答' : 'Answered', key: 'answered', width: 8 },
        { header: zh ? '用时（秒）' : 'Time (s)', key: 'time', width: 12 },
        { header: zh ? '异常提示（仅供核查）' : 'Flags (for review only)', key: 'flags', width: 30 },
      ];
      for (const e of r.individuals)
        people.addRow({
          rank: e.rank,
          name: e.name,
          org: e.orgName,
          score: e.score,
          correct: e.correct,
          answered: e.answered,
          time: Math.round(e.totalMs / 100) / 10,
          flags: e.flags.map((f) => `${(FLAG[f.kind] ?? [f.kind, f.kind])[zh ? 0 : 1]}×${f.count}`).join('；'),
        });
      const teams = wb.addWorksheet(zh ? '团体成绩' : 'Teams');
      teams.columns = [
        { header: zh ? '名次' : 'Rank', key: 'rank', width: 8 },
        { header: zh ? '支部' : 'Branch', key: 'org', width: 34 },
        { header: zh ? '参赛人数' : 'Members', key: 'members', width: 10 },
        {
          header: r.teamAggregate === 'sum' ? (zh ? '总分' : 'Total') : zh ? '平均分' : 'Average',
          key: 'score',
          width: 10,
        },
      ];
      for (const t of r.teams) teams.addRow({ rank: t.rank, org: t.orgName, members: t.members, score: t.score });
      for (const ws of [people, teams]) {
        ws.getRow(1).font = { bold: true };
        ws.views = [{ state: 'frozen', ySplit: 1 }];
      }
      const c = (await repo.byId(deps.db, id))!;
      await inTransaction(deps.db, ctx, async (_tx, audit) => {
        audit.record({
          action: 'competition.exported',
          entity: 'competition',
          entityId: id,
          orgPath: c.orgPath,
          after: { individuals: r.individuals.length, teams: r.teams.length },
        });
      });
      return {
        file: Buffer.from(await wb.xlsx.writeBuffer()),
        name: `${r.title}-${zh ? '成绩' : 'results'}.xlsx`,
      };
    },
  };
}
