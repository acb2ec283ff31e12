import { ERROR_CODES, type Role } from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { queryRows } from '../../src/db/rows.js';
import type { Session, TestApp } from '../../src/test-support/test-app.js';

/** Names of demo organizations the tests lean on: branch A lies under 星光集团, B under 双欣集团. */
export const ORG_NAMES = {
  root: '中共鄂托克经济开发区工作委员会',
  xingguang: '中共星光集团委员会',
  branchA: '星光集团洗煤厂党支部',
  siblingOfA: '星光集团焦化厂党支部',
  shuangxin: '中共双欣集团委员会',
  branchB: '双欣集团电石分公司党支部',
} as const;

export type OrgRef = { id: string; path: string; name: string };

type InjectResult = Awaited<ReturnType<TestApp['request']>>;

/** Looks an organization up by its exact full name, through the API as the zone admin. */
export async function findOrg(t: TestApp, admin: Session, name: string): Promise<OrgRef> {
  const res = await t.request(admin, {
    method: 'GET',
    url: '/api/v1/orgs',
    query: { keyword: name, pageSize: '200' },
  });
  expect(res.statusCode).toBe(200);
  const org = (res.json().data as OrgRef[]).find((o) => o.name === name);
  if (!org) throw new Error(`demo organization ${name} not found`);
  return org;
}

export async function loadOrgs(t: TestApp, admin: Session): Promise<Record<keyof typeof ORG_NAMES, OrgRef>> {
  const out = {} as Record<keyof typeof ORG_NAMES, OrgRef>;
  for (const [key, name] of Object.entries(ORG_NAMES)) {
    out[key as keyof typeof ORG_NAMES] = await findOrg(t, admin, name);
  }
  return out;
}

export async function userIdOf(t: TestApp, username: string): Promise<string> {
  const rows = await queryRows<{ id: string }>(t.database.db, sql`select id from users where username = ${username}`);
  if (!rows[0]) throw new Error(`no user ${username}`);
  return rows[0].id;
}

export const STRONG_PASSWORD = 'Test-Passw0rd!';

/**
 * Creates a user through the API as `creator`, then clears the must-change-password flag in the database so the
 * account can be used at once (unless `mustChangePassword` is asked for).
 */
export async function createUser(
  t: TestApp,
  creator: Session,
  spec: {
    username: string;
    roles: { role: Role; orgId: string }[];
    phone?: string;
    displayName?: string;
    password?: string;
    mustChangePassword?: boolean;
  },
): Promise<string> {
  const res = await t.request(creator, {
    method: 'POST',
    url: '/api/v1/users',
    payload: {
      username: spec.username,
      displayName: spec.displayName ?? spec.username,
      password: spec.password ?? STRONG_PASSWORD,
      roles: spec.roles,
      ...(spec.phone ? { phone: spec.phone } : {}),
    },
  });
  if (res.statusCode !== 201) throw new Error(`create user ${spec.username}: ${res.statusCode} ${res.body}`);
  const id = res.json().id as string;
  if (!spec.mustChangePassword) {
    await t.database.db.execute(sql`update users set must_change_password = false where id = ${id}`);
  }
  return id;
}

export async function auditCount(t: TestApp): Promise<number> {
  const rows = await queryRows<{ n: number | string }>(
    t.database.db,
    sql`select (select count(*) from audit_events) + (select count(*) from audit_pending) as n`,
  );
  return Number(rows[0]?.n ?? 0);
}

/** Asserts the ARCHITECTURE §2 error shape; optionally the status and code. */
export function expectErrorShape(res: InjectResult, status?: number, code?: string) {
  const where = `${res.statusCode} ${res.body.slice(0, 300)}`;
  if (status !== undefined) expect(res.statusCode, where).toBe(status);
  let body: { error?: { code?: unknown; message?: unknown; requestId?: unknown } };
  try {
    body = res.json();
  } catch {
    throw new Error(`error body is not JSON: ${where}`);
  }
  const error = body.error ?? {};
  expect(body.error, where).toBeTypeOf('object');
  expect(ERROR_CODES as readonly unknown[], where).toContain(error.code);
  expect(error.message, where).toBeTypeOf('string');
  expect(String(error.message).length, where).toBeGreaterThan(0);
  expect(error.requestId, where).toBeTypeOf('string');
  expect(String(error.requestId).length, where).toBeGreaterThan(0);
  if (code !== undefined) expect(error.code, where).toBe(code);
  return body.error as { code: string; message: string; requestId: string; details?: unknown };
}

/** Field paths named by a validation error's details. */
export function detailPaths(res: InjectResult): string[] {
  const details = (res.json().error?.details ?? []) as { path: string }[];
  return details.map((d) => d.path);
}
