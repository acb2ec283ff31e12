import { DEFAULT_POINT_SCHEME, type PointRuleVersion, shanghaiDate } from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/rows.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';

const today = shanghaiDate(new Date());
const DAILY_CAP = 5;

/**
 * 100 grants for one member at once against a daily cap: the balance row lock serialises the writers, so the cap holds
 * and the stored total equals the ledger. On PostgreSQL the requests really run in parallel (a pool of 20 connections).
 */
describe('points caps under concurrency', () => {
  let t: TestApp;
  let admin: Session;
  let memberId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    const rules = (await t.request(admin, { method: 'GET', url: '/api/v1/points/rules' })).json();
    const current = rules.versions.find((v: PointRuleVersion) => v.id === rules.currentVersionId) as PointRuleVersion;
    // A version from today with one more item: +1 per occurrence, entered by hand without approval, 5 a day at most.
    const res = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/points/rule-versions',
      payload: {
        effectiveFrom: today,
        scheme: DEFAULT_POINT_SCHEME,
        rules: [
          ...current.rules.map(({ sortOrder: _s, available: _a, ...r }) => r),
          {
            code: 'drill',
            category: 'duty',
            nameZh: '参加应急演练',
            nameEn: 'Takes part in a drill',
            points: 1,
            unit: 'occurrence',
            capDay: DAILY_CAP,
            capMonth: null,
            capYear: null,
            evidenceRequired: false,
            source: 'manual',
            approvalRequired: false,
            veto: false,
            exemptCategories: [],
          },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    memberId = (
      await queryRows<{ id: string }>(
        t.database.db,
        sql`select id from members where status = 'active' and user_id is null order by id limit 1`,
      )
    )[0]!.id;
  });
  afterAll(async () => t?.close());

  it('100 concurrent grants never exceed the daily cap, and the balance equals the ledger', async () => {
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        t.request(admin, {
          method: 'POST',
          url: '/api/v1/points/grants',
          payload: { memberId, ruleCode: 'drill', occurredOn: today, reason: `应急演练第${i + 1}场` },
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode).filter((s) => s !== 201)).toEqual([]);
    const booked = answers.map((a) => a.json().bookedPoints as number);
    expect(booked.filter((p) => p === 1)).toHaveLength(DAILY_CAP);
    expect(booked.filter((p) => p === 0)).toHaveLength(100 - DAILY_CAP);
    const [ledger] = await queryRows<{ points: number; entries: number; capped: number }>(
      t.database.db,
      sql`select coalesce(sum(points), 0)::int as points, count(*)::int as entries,
          count(*) filter (where adjustment = 'capped')::int as capped
        from point_entries where member_id = ${memberId} and rule_code = 'drill' and occurred_on = ${today}::date`,
    );
    expect(ledger).toEqual({ points: DAILY_CAP, entries: 100, capped: 100 - DAILY_CAP });
    const [check] = await queryRows<{ stored: number; ledger: number }>(
      t.database.db,
      sql`select (select total from member_point_balances where member_id = ${memberId}
            and year = ${Number(today.slice(0, 4))})::int as stored,
          (select coalesce(sum(points), 0) from point_entries where member_id = ${memberId}
            and year = ${Number(today.slice(0, 4))})::int as ledger`,
    );
    expect(check!.stored).toBe(check!.ledger);
    expect(check!.stored).toBe(DAILY_CAP);
  });
});
