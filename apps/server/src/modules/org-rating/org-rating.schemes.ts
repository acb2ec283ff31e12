import {
  type CreateRatingSchemeBody,
  type RatingScheme,
  type RatingSchemeIssue,
  todayInChina,
  type UpdateRatingSchemeBody,
  validateRatingScheme,
} from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/actor.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import type { LocalizedText } from '../../core/messages.js';
import { ORG_RATING_MESSAGES as RM } from '../../core/messages-org-rating.js';
import { inTransaction } from '../../core/transaction.js';
import type { Db, DbOrTx } from '../../db/client.js';
import type { ratingIndicators, ratingVetoRules } from '../../db/schema/index.js';
import { toSchemeDto } from './org-rating.mapper.js';
import { createOrgRatingRepository, type SchemeFull } from './org-rating.repository.js';

const ISSUE_TEXT: Record<RatingSchemeIssue['issue'], (i: RatingSchemeIssue) => LocalizedText> = {
  duplicate_code: (i) =>
    RM.ratingSchemeInvalid(`代码 ${'code' in i ? i.code : ''} 重复`, `Code ${'code' in i ? i.code : ''} is used twice`),
  stars_range: () => RM.ratingSchemeInvalid('星级须为 1–5', 'Stars must be 1 to 5'),
  duplicate_stars: () => RM.ratingSchemeInvalid('同一星级只能设置一次', 'Each star level can be set once'),
  thresholds_order: () =>
    RM.ratingSchemeInvalid('星级越高，分数线必须越高', 'A higher star level needs a higher minimum score'),
  no_core_indicator: () => RM.ratingSchemeInvalid('至少要有一项基本指标', 'At least one core indicator is needed'),
  percent_range: () => RM.ratingSchemeInvalid('名额比例须在 0–100% 之间', 'A quota is between 0 and 100%'),
  unknown_source: () => RM.ratingSchemeInvalid('不支持的自动计算来源', 'Unknown computed source'),
  no_thresholds: () => RM.ratingSchemeInvalid('至少要设置一个星级分数线', 'At least one star threshold is needed'),
  threshold_above_max: (i) =>
    RM.ratingSchemeInvalid(
      `分数线超过了方案满分 ${'max' in i ? i.max : ''} 分`,
      `The threshold is above the scheme's maximum of ${'max' in i ? i.max : ''}`,
    ),
};

type SchemeInput = Omit<CreateRatingSchemeBody, 'code'>;

function check(def: SchemeInput) {
  const issues = validateRatingScheme({
    ...def,
    vetoStars: def.vetoStars,
    indicators: def.indicators.map((i) => ({ ...i, kind: i.kind ?? 'core' })),
    vetoRules: def.vetoRules,
  });
  const first = issues[0];
  if (first) throw fieldError(`body.${first.path}`, ISSUE_TEXT[first.issue](first));
}

function childRows(schemeId: string, def: SchemeInput) {
  const indicators: (typeof ratingIndicators.$inferInsert)[] = def.indicators.map((i, n) => ({
    id: crypto.randomUUID(),
    schemeId,
    code: i.code,
    sortOrder: n + 1,
    nameZh: i.nameZh,
    nameEn: i.nameEn,
    kind: i.kind,
    maxPoints: i.maxPoints,
    criteriaZh: i.criteriaZh,
    criteriaEn: i.criteriaEn ?? '',
    evidenceRequired: i.evidenceRequired,
    source: i.source ?? null,
    sourceMap: i.sourceMap ?? null,
  }));
  const vetoRules: (typeof ratingVetoRules.$inferInsert)[] = def.vetoRules.map((v, n) => ({
    id: crypto.randomUUID(),
    schemeId,
    code: v.code,
    sortOrder: n + 1,
    nameZh: v.nameZh,
    nameEn: v.nameEn,
    source: v.source ?? null,
  }));
  return { indicators, vetoRules };
}

/** What the audit trail keeps of a scheme version. */
const schemeAudit = (s: SchemeInput & { code: string; version: number }) => ({
  code: s.code,
  version: s.version,
  nameZh: s.nameZh,
  effectiveFrom: s.effectiveFrom,
  cycle: s.cycle,
  orgTypes: s.orgTypes,
  domains: s.domains ?? null,
  thresholds: s.thresholds,
  quotas: s.quotas,
  publicationDays: s.publicationDays,
  requiresInnovationFor5Star: s.requiresInnovationFor5Star,
  allowAboveBase: s.allowAboveBase,
  vetoStars: s.vetoStars,
  indicators: s.indicators.map((i) => ({
    code: i.code,
    maxPoints: i.maxPoints,
    kind: i.kind,
    source: i.source ?? null,
  })),
  vetoRules: s.vetoRules.map((v) => ({ code: v.code, source: v.source ?? null })),
});

const asInput = (s: SchemeFull): SchemeInput => ({
  nameZh: s.nameZh,
  nameEn: s.nameEn,
  effectiveFrom: s.effectiveFrom,
  cycle: s.cycle as SchemeInput['cycle'],
  orgTypes: s.orgTypes as SchemeInput['orgTypes'],
  domains: (s.domains as SchemeInput['domains']) ?? null,
  thresholds: s.thresholds,
  quotas: s.quotas,
  publicationDays: s.publicationDays,
  requiresInnovationFor5Star: s.requiresInnovationFor5Star,
  allowAboveBase: s.allowAboveBase,
  vetoStars: s.vetoStars,
  note: s.note,
  indicators: s.indicators.map((i) => ({
    code: i.code,
    nameZh: i.nameZh,
    nameEn: i.nameEn,
    kind: i.kind as 'core' | 'bonus',
    maxPoints: i.maxPoints,
    criteriaZh: i.criteriaZh,
    criteriaEn: i.criteriaEn,
    evidenceRequired: i.evidenceRequired,
    source: i.source as SchemeInput['indicators'][number]['source'],
    sourceMap: i.sourceMap,
  })),
  vetoRules: s.vetoRules.map((v) => ({
    code: v.code,
    nameZh: v.nameZh,
    nameEn: v.nameEn,
    source: v.source as SchemeInput['vetoRules'][number]['source'],
  })),
});

/** 评定方案: versions of the rubric. Zone-wide configuration (rating:scheme). */
export function createSchemeService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const repo = createOrgRatingRepository(db);

  async function dto(id: string, tx: DbOrTx = db): Promise<RatingScheme> {
    const all = await repo.schemes(tx);
    const s = all.find((x) => x.id === id);
    if (!s) throw notFound();
    return toSchemeDto(s, all, todayInChina(now()));
  }

  return {
    dto,

    async list(): Promise<RatingScheme[]> {
      const all = await repo.schemes();
      const today = todayInChina(now());
      return all.map((s) => toSchemeDto(s, all, today));
    },

    /** A new scheme, or the next version of an existing code. */
    async create(ctx: RequestContext, body: CreateRatingSchemeBody): Promise<RatingScheme> {
      const { code, ...def } = body;
      check(def);
      return inTransaction(db, ctx, async (tx, audit) => {
        // Versions of one code are numbered one after the other: concurrent creations serialize on the code.
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`rating_scheme:${code}`}))`);
        const version = (await repo.lastVersion(code, tx)) + 1;
        const id = crypto.randomUUID();
        const { indicators, vetoRules } = childRows(id, def);
        await repo.insertScheme(
          {
            id,
            code,
            version,
            nameZh: def.nameZh,
            nameEn: def.nameEn,
            effectiveFrom: def.effectiveFrom,
            cycle: def.cycle,
            orgTypes: def.orgTypes,
            domains: def.domains ?? null,
            thresholds: def.thresholds,
            quotas: def.quotas,
            publicationDays: def.publicationDays,
            requiresInnovationFor5Star: def.requiresInnovationFor5Star,
            allowAboveBase: def.allowAboveBase,
            vetoStars: def.vetoStars,
            note: def.note ?? null,
          },
          indicators,
          vetoRules,
          tx,
        );
        audit.record({
          action: 'rating.scheme.create',
          entity: 'rating_scheme',
          entityId: id,
          orgPath: null,
          after: schemeAudit({ ...def, code, version }),
        });
        return dto(id, tx);
      });
    },

    /** Changes a version no campaign uses yet; a version in use answers 409 (make a new version instead). */
    async update(ctx: RequestContext, id: string, body: UpdateRatingSchemeBody): Promise<RatingScheme> {
      return inTransaction(db, ctx, async (tx, audit) => {
        const locked = await repo.lockScheme(id, tx);
        if (!locked) throw notFound();
        const current = (await repo.scheme(id, tx))!;
        if (await repo.schemeInUse(id, tx)) throw new AppError('CONFLICT', RM.ratingSchemeInUse);
        const before = asInput(current);
        const next: SchemeInput = {
          ...before,
          ...Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)),
        } as SchemeInput;
        check(next);
        const { indicators, vetoRules, ...fields } = next;
        await repo.updateScheme(id, { ...fields, domains: fields.domains ?? null, note: fields.note ?? null }, tx);
        if (body.indicators) await repo.replaceIndicators(id, childRows(id, next).indicators, tx);
        if (body.vetoRules) await repo.replaceVetoRules(id, childRows(id, next).vetoRules, tx);
        audit.record({
          action: 'rating.scheme.update',
          entity: 'rating_scheme',
          entityId: id,
          orgPath: null,
          before: schemeAudit({ ...before, code: current.code, version: current.version }),
          after: schemeAudit({ ...next, code: current.code, version: current.version }),
        });
        return dto(id, tx);
      });
    },
  };
}

export type SchemeService = ReturnType<typeof createSchemeService>;
