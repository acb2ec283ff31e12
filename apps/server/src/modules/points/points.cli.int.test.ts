import { shanghaiDate } from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../cli.js';
import { queryRows } from '../../db/rows.js';
import { pointsDeps } from '../../points-wiring.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { verifyAuditChain } from '../audit/index.js';
import { PointsCliError, pointsCommand } from './points.cli.js';

/** `red-engine points verify` and `points grant`, run in process against the test database (as imports.cli does). */
describe('red-engine points', () => {
  let t: TestApp;
  const run = async (args: Parameters<typeof pointsCommand>[1]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await pointsCommand(pointsDeps(t.database.db), args, {
      out: (s) => out.push(s),
      err: (s) => err.push(s),
    });
    return { code, out, err };
  };

  beforeAll(async () => {
    t = await createTestApp({ points: true });
  });
  afterAll(async () => t?.close());

  it('verify exits 0 on the demo data', async () => {
    const v = await run({ sub: 'verify', period: undefined });
    expect(v.code).toBe(0);
    expect(v.out[0]).toMatch(/^points verified: \d+ balances agree with \d+ ledger entries$/);
    expect(Number(/(\d+) ledger entries/.exec(v.out[0]!)![1])).toBeGreaterThan(5000);
  });

  it('grant books a period for the zone as the cli actor, idempotently', async () => {
    const month = shanghaiDate(new Date()).slice(0, 7);
    const first = await run({ sub: 'grant', period: month });
    expect(first.code).toBe(0);
    expect(first.out[0]).toMatch(new RegExp(`^points granted for ${month}: \\d+ entries .* \\d+ already booked`));
    const again = await run({ sub: 'grant', period: month });
    expect(again.out[0]).toMatch(new RegExp(`^points granted for ${month}: 0 entries \\(\\+0 points\\)`));
    const [event] = await queryRows<{ action: string; actor_name: string; actor_id: string | null }>(
      t.database.db,
      sql`select action, actor_name, actor_id from audit_events order by seq desc limit 1`,
    );
    expect(event).toEqual({ action: 'points.grants_run', actor_name: 'cli', actor_id: null });
    await expect(run({ sub: 'grant', period: '2099-01' })).rejects.toThrow(PointsCliError);
    await expect(run({ sub: 'grant', period: undefined })).rejects.toThrow(/--period/);
    await expect(run({ sub: 'nope', period: undefined })).rejects.toThrow(/usage/);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('verify exits non-zero naming the member after a ledger row is altered in the database', async () => {
    const [entry] = await queryRows<{ id: string; member_id: string; name: string; year: number }>(
      t.database.db,
      sql`select e.id, e.member_id, m.name, e.year from point_entries e join members m on m.id = e.member_id
        where e.source_type = 'base' order by e.id limit 1`,
    );
    // The application cannot change the ledger; someone with the database's owner rights can, and verify sees it.
    await expect(
      t.database.db.execute(sql`update point_entries set points = 70 where id = ${entry!.id}`),
    ).rejects.toThrow();
    await t.database.db.execute(sql`alter table point_entries disable trigger point_entries_append_only`);
    await t.database.db.execute(sql`update point_entries set points = 70 where id = ${entry!.id}`);
    await t.database.db.execute(sql`alter table point_entries enable trigger point_entries_append_only`);
    const v = await run({ sub: 'verify', period: undefined });
    expect(v.code).toBe(2);
    expect(v.err).toEqual([
      expect.stringMatching(
        new RegExp(`^member ${entry!.name} ${entry!.member_id} year ${entry!.year}: stored -?\\d+, ledger -?\\d+$`),
      ),
      'points verify failed: 1 balance(s) differ from the ledger',
    ]);
  });

  it('documents the commands in --help', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      expect(await runCli(['--help'])).toBe(0);
      const text = log.mock.calls.map((c) => String(c[0])).join('\n');
      expect(text).toContain('points verify');
      expect(text).toContain('points grant --period 2026-11');
    } finally {
      log.mockRestore();
    }
  });
});
