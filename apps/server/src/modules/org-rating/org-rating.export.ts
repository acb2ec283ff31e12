import type { RatingState } from '@red-engine/shared';
import { inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Actor } from '../../core/actor.js';
import { RATING_STATE_NAMES } from '../../core/messages-org-rating.js';
import type { Db } from '../../db/client.js';
import { orgRatingReviewers } from '../../db/schema/index.js';
import { readRoots } from './org-rating.access.js';
import { countingReviewers, reviewMeans } from './org-rating.scoring.js';
import type { OrgRatingService } from './org-rating.service.js';

const CHANGE = { up: '升星', down: '降星', same: '持平', new: '首次评定' } as const;
const starsText = (s: number | null) => (s === null ? '不定星' : `${'★'.repeat(s)} ${s}星`);
const day = (v: Date | string | null) =>
  v ? new Date(new Date(v).getTime() + 8 * 3_600_000).toISOString().slice(0, 10) : '';
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDECEA' } } as const;

/**
 * 评定结果 export: the ratings of a campaign the caller sees, with per-indicator points for published and final
 * ones (earlier ones show their state and self-assessment only, as on the board).
 */
export async function exportCampaign(
  deps: { db: Db; service: OrgRatingService },
  actor: Actor,
  id: string,
  state: RatingState | undefined,
): Promise<{ file: Buffer; name: string }> {
  const { db, service } = deps;
  const { repo } = service;
  const campaign = await service.visibleCampaign(actor, id);
  const scheme = (await repo.scheme(campaign.schemeId))!;
  const rows = (await repo.board(id, readRoots(actor), actor.userId)).filter((r) => !state || r.state === state);
  const shown = rows.filter((r) => r.state === 'published' || r.state === 'final');
  const ids = shown.map((r) => r.id);
  const [scores, reviewers] = await Promise.all([
    repo.scoresOfRatings(ids),
    ids.length ? db.select().from(orgRatingReviewers).where(inArray(orgRatingReviewers.ratingId, ids)) : [],
  ]);

  const wb = new ExcelJS.Workbook();
  wb.creator = 'Red Engine 红色引擎';
  const ws = wb.addWorksheet('评定结果');
  const indicatorHeads = scheme.indicators.map((i) => `${i.nameZh}（${i.maxPoints}）`);
  const heads = [
    '序号',
    '党组织',
    '上级党组织',
    '状态',
    '自评得分',
    ...indicatorHeads,
    '审核得分',
    '一票否决',
    '党建创新项目',
    '星级',
    '上一年度星级',
    '升降',
    '公示截止',
    '确定日期',
  ];
  ws.addRow([campaign.name]);
  ws.mergeCells(1, 1, 1, heads.length);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.getRow(1).alignment = { horizontal: 'center' };
  const head = ws.addRow(heads);
  head.eachCell((c) => {
    c.font = { bold: true };
    c.fill = HEADER_FILL;
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  head.height = 32;
  rows.forEach((r, n) => {
    const published = r.state === 'published' || r.state === 'final';
    const means = published
      ? reviewMeans(
          scheme,
          scores.filter((s) => s.ratingId === r.id),
          countingReviewers(
            reviewers.filter((v) => v.ratingId === r.id),
            true,
          ).map((v) => v.userId),
        )
      : new Map<string, number | null>();
    ws.addRow([
      n + 1,
      r.orgName,
      r.parentName ?? '',
      RATING_STATE_NAMES[r.state as RatingState]['zh-CN'],
      r.selfScore ?? '',
      ...scheme.indicators.map((i) => means.get(i.code) ?? ''),
      published ? (r.score ?? '') : '',
      published ? (r.vetoed ? '是' : '否') : '',
      r.hasInnovation ? '有' : '',
      published ? starsText(r.stars) : '',
      r.state === 'final' ? (r.previousStars === null ? '' : starsText(r.previousStars)) : '',
      r.state === 'final' && r.change ? CHANGE[r.change as keyof typeof CHANGE] : '',
      day(r.objectionDeadline ? new Date(new Date(r.objectionDeadline).getTime() - 1) : null),
      day(r.finalizedAt),
    ]);
  });
  ws.columns.forEach((c, i) => {
    c.width = i === 1 ? 34 : i === 2 ? 26 : i >= 5 && i < 5 + indicatorHeads.length ? 11 : 12;
  });
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 2 }];
  const file = Buffer.from(await wb.xlsx.writeBuffer());
  return { file, name: `${campaign.name}.xlsx` };
}
