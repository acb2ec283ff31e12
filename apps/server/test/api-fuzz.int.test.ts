/**
 * Property-based fuzzing of every route in ROUTE_POLICIES, logged in as the zone admin (with CSRF): malformed and
 * hostile bodies, query strings and path ids. The server must never answer 5xx; every error must have the shape of
 * ARCHITECTURE §2 with a known code, a message and a request id; input that is certainly invalid must get a 4xx.
 * Afterwards the audit chain must still verify.
 */
import { ERROR_CODES } from '@red-engine/shared';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_POLICIES } from '../src/core/route-policy.js';
import { verifyAuditChain } from '../src/modules/audit/audit.service.js';
import { createTestApp, type Session, type TestApp } from '../src/test-support/test-app.js';
import { createUser, expectErrorShape, loadOrgs } from './support/fixtures.js';

// FUZZ_RUNS=300 for a deeper run by hand; the default keeps the suite fast.
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const MIB = 1024 * 1024;
const NOWHERE = '7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f';
/** Bodies that pass validation for :id routes whose body has required fields, so a missing :id answers 404. */
const ID_PROBE_BODIES: Record<string, string> = {
  'POST /api/v1/orgs/:id/move': `{"newParentId":"${NOWHERE}"}`,
  'POST /api/v1/orgs/:id/move/preview': `{"newParentId":"${NOWHERE}"}`,
  'POST /api/v1/orgs/:id/merge': `{"intoId":"${NOWHERE}"}`,
  'POST /api/v1/orgs/:id/merge/preview': `{"intoId":"${NOWHERE}"}`,
  'POST /api/v1/orgs/:id/dissolve': '{"date":"2020-01-01","reason":"x"}',
  'POST /api/v1/orgs/:id/dissolve/preview': '{"date":"2020-01-01","reason":"x"}',
  'POST /api/v1/orgs/:id/split': '{"newOrgs":[{"name":"探针组织","type":"branch"}]}',
  'POST /api/v1/orgs/:id/split/preview': '{"newOrgs":[{"name":"探针组织","type":"branch"}]}',
  'POST /api/v1/orgs/:id/project-end': '{"endedOn":"2020-01-01"}',
  'POST /api/v1/orgs/:id/project-end/preview': '{"endedOn":"2020-01-01"}',
  'PUT /api/v1/orgs/:id/units': '{"unitIds":[]}',
  'POST /api/v1/orgs/:id/committees': '{"electedOn":"2020-01-01"}',
  'POST /api/v1/transfers/:id/reject': '{"reason":"x"}',
  'POST /api/v1/transfers/:id/receipt': '{"date":"2020-01-01"}',
  'POST /api/v1/community-service/member-reports/:id/withdraw': '{"reason":"moved"}',
  'POST /api/v1/community-service/org-reports/:id/withdraw': '{"reason":"x"}',
  'POST /api/v1/me/community-claims/:id/complete': '{"hours":1}',
  'POST /api/v1/recruitment-cases/:id/steps': '{"stepNo":2,"date":"2020-01-01"}',
  'POST /api/v1/recruitment-cases/:id/extend-probation': '{"date":"2020-01-01","months":6,"reason":"x"}',
  'POST /api/v1/recruitment-cases/:id/cancel': '{"reason":"x"}',
  'POST /api/v1/recruitment-cases/:id/reject': '{"reason":"x"}',
  'PUT /api/v1/meetings/:id/minutes': '{"minutes":"x"}',
  'POST /api/v1/meeting-files/:id/remove': '{"reason":"x"}',
  'POST /api/v1/meetings/:id/cancel': '{"reason":"x"}',
  'POST /api/v1/meetings/:id/makeup': `{"memberIds":["${NOWHERE}"],"reason":"x"}`,
  'POST /api/v1/meetings/:id/scan': '{"code":"x","nonce":"fuzzprobe1"}',
  'POST /api/v1/meetings/:id/staff-tokens': '{"label":"x"}',
  'POST /api/v1/meetings/:id/leaves': `{"memberId":"${NOWHERE}","reason":"x"}`,
  'POST /api/v1/me/meetings/:id/leave': '{"reason":"x"}',
  'POST /api/v1/points/grants/:id/reject': '{"note":"x"}',
  'POST /api/v1/point-entries/:id/reverse': '{"reason":"x"}',
  'POST /api/v1/point-exemptions/:id/end': '{"endsOn":"2020-01-01"}',
  'POST /api/v1/point-objections/:id/answer': '{"answer":"x","upheld":false}',
  'POST /api/v1/evaluation/campaigns/:id/return': '{"reason":"x"}',
  'PUT /api/v1/evaluation/campaigns/:id/proposals': `{"proposals":[{"subjectId":"${NOWHERE}","grade":"qualified"}]}`,
  'POST /api/v1/evaluation/subjects/:id/comment': '{"comment":"x"}',
  'POST /api/v1/evaluation/subjects/:id/rectifications': '{"problem":"x","ownerName":"x","dueOn":"2030-01-01"}',
  'POST /api/v1/evaluation/rectifications/:id/close': '{"closingNote":"x"}',
  'POST /api/v1/evaluation/rectifications/:id/reopen': '{"reason":"x"}',
  'POST /api/v1/question-banks/:id/questions': '{"kind":"true_false","stem":"x","answer":[true]}',
  'PUT /api/v1/questions/:id': '{"kind":"true_false","stem":"x","answer":[true]}',
  'PUT /api/v1/exams/:id/overrides': `{"memberId":"${NOWHERE}","extraAttempts":1,"extraMinutes":0}`,
  'PUT /api/v1/me/exams/:id/answers': `{"questionId":"${NOWHERE}","answer":true}`,
  'POST /api/v1/me/evaluations/:id/ballot': `{"ballotKey":"${NOWHERE}","entries":[{"subjectId":"${NOWHERE}","choice":"good"}]}`,
  'PUT /api/v1/me/evaluations/:id/self-assessment': '{"selfAssessment":"x"}',
  'PUT /api/v1/me/evaluations/:id/report': '{"report":"x"}',
  'PUT /api/v1/org-ratings/:id/self-assessment': '{"scores":[]}',
  'PUT /api/v1/org-ratings/:id/review': '{"scores":[]}',
  'POST /api/v1/org-ratings/:id/review/submit': '{"scores":[]}',
  'POST /api/v1/org-ratings/:id/reviewers': `{"userId":"${NOWHERE}"}`,
  'POST /api/v1/org-ratings/:id/reviewers/remove': `{"userId":"${NOWHERE}"}`,
  'POST /api/v1/rating-evidence/:id/remove': '{"reason":"x"}',
  'POST /api/v1/org-ratings/:id/return': '{"reason":"x"}',
  'POST /api/v1/org-ratings/:id/reopen': '{"reason":"x"}',
  'POST /api/v1/org-ratings/:id/vetoes': `{"ruleId":"${NOWHERE}","reason":"x"}`,
  'POST /api/v1/org-ratings/:id/vetoes/clear': `{"vetoId":"${NOWHERE}","reason":"x"}`,
  'POST /api/v1/org-ratings/:id/objections': '{"text":"x"}',
  'POST /api/v1/org-ratings/:id/objections/answer': `{"objectionId":"${NOWHERE}","outcome":"dismissed","answer":"x"}`,
  'POST /api/v1/org-ratings/:id/adjust': '{"stars":3,"reason":"x"}',
  'POST /api/v1/me/competitions/:id/answers': '{"position":0,"answer":["A"]}',
  'POST /api/v1/learning/contents/:id/reject': '{"note":"x"}',
  'POST /api/v1/me/learning/sessions/:id/heartbeat': '{"visible":true,"active":true,"position":0}',
};
/** Query strings :id routes need to pass validation. */
const ID_PROBE_QUERIES: Record<string, string> = {
  'GET /api/v1/members/:id/sensitive': 'field=phone',
  'GET /api/v1/venues/:id/bookings': 'from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z',
};

const NASTY_STRINGS = [
  "' or 1=1 --",
  "'; drop table users; --",
  '"; drop table users; --',
  "1' union select password_hash from users --",
  "'); select pg_sleep(5); --",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  '\ud83d',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally
  '${7*7}',
  '{{7*7}}',
  '../../../etc/passwd',
  '%00',
  '%',
  '\\',
  'NaN',
  'Infinity',
  '-0',
  '1e308',
  'null',
  'undefined',
  'true',
  '__proto__',
  'constructor',
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  '𠮷野家🎉',
  '',
  ' ',
  '\t\r\n',
  'x'.repeat(100_000),
  '中'.repeat(5_000),
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '00000000-0000-0000-0000-000000000000',
  'zh-CN',
  'org:read',
  'member',
];

const nastyString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);
const BOUNDARY_NUMBERS = [0, -1, 1, 0.5, 2 ** 31, 2 ** 31 - 1, -(2 ** 31), 2 ** 53, 2 ** 53 + 2, 1e308, -1e308, 5e-324];
const nastyNumber = fc.oneof(
  fc.constantFrom(...BOUNDARY_NUMBERS),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 2, arbitrary: nastyNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(nastyString, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.array(fc.record({ role: nastyString, orgId: nastyString }), { maxLength: 2 }) },
  { weight: 1, arbitrary: fc.dictionary(nastyString, nastyString, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);
const unknownKey = fc.oneof(
  fc.constantFrom('isAdmin', 'role', 'id', 'path', 'passwordHash', '$where'),
  fc.string({ minLength: 1, maxLength: 12 }).map((s) => `x_${s}`),
);

/** Percent-encodes a string as UTF-8; lone surrogates become U+FFFD, as a browser would send them. */
const encode = (s: string) =>
  [...Buffer.from(s, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9._~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`,
    )
    .join('');
/** Query values: encoded strings, or raw (possibly broken) percent sequences as they might arrive on the wire. */
const queryValue = fc.oneof(
  { weight: 3, arbitrary: nastyString.filter((s) => s.length < 5_000).map(encode) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('%ff%fe', '%', '%zz', '%00', '%C0%AF', '%ED%A0%80', '%E4%B8', '+', '&', '='),
  },
  { weight: 1, arbitrary: fc.constantFrom(...BOUNDARY_NUMBERS.map(String), 'NaN', '-0', '0x10', '1_000') },
);
const BAD_PAGING: Record<'current' | 'pageSize', string[]> = {
  pageSize: ['0', '201', '-1', 'abc', '2147483648', '9007199254740992', '1e308', 'NaN', '', '1.5', '%ff'],
  current: ['0', '-1', '1000001', 'abc', '1.5', 'NaN', '9007199254740992', '1e308', ''],
};
const badPaging = fc.oneof(
  ...Object.entries(BAD_PAGING).map(([k, values]) => fc.constantFrom(...values).map((v) => [[k, encode(v)]])),
  // Duplicated parameters arrive as an array.
  fc.constant([
    ['pageSize', '10'],
    ['pageSize', '20'],
  ]),
  fc.constant([
    ['current', '1'],
    ['current', '2'],
  ]),
);
const BAD_IDS = [
  'not-a-uuid',
  '1',
  '0',
  '-1',
  "' or 1=1 --",
  '%00',
  '..',
  'x'.repeat(150),
  'x'.repeat(250),
  NOWHERE,
  NOWHERE.toUpperCase().replace('4C6D', 'ZZZZ'),
  `${NOWHERE}0`,
  '{}',
  '%ff',
];
const badId = fc.oneof(
  fc.constantFrom(...BAD_IDS).map((s) => (s.startsWith('%') ? s : encode(s))),
  fc.uuid(),
);

type RouteInfo = {
  key: string;
  method: string;
  url: string;
  bodyFields: string[] | null;
  queryParams: string[];
};

describe('API fuzz', () => {
  let t: TestApp;
  let admin: Session;
  let routes: RouteInfo[];
  let stats: Record<string, number>;
  /** An organization the admin can read, for list routes under /orgs/:id/…. */
  let rootOrgId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    const orgs = await loadOrgs(t, admin);
    rootOrgId = orgs.root.id;
    // A user to be poked at, so no real account is disturbed by generated input.
    await createUser(t, admin, { username: 'fuzz_target', roles: [{ role: 'member', orgId: orgs.branchB.id }] });
    // Request bodies and query parameters come from the app's own OpenAPI document.
    const spec = t.app.swagger() as {
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: { content?: Record<string, { schema?: { properties?: object } }> };
            parameters?: { in: string; name: string }[];
          }
        >
      >;
    };
    routes = Object.keys(ROUTE_POLICIES).map((key) => {
      const [method, pattern] = key.split(' ') as [string, string];
      const op = spec.paths[pattern.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
      // Activity types are named by their code, not an :id: their routes are fuzzed on a built-in one.
      const url = pattern.replace(':code', 'culture');
      const props = op?.requestBody?.content?.['application/json']?.schema?.properties;
      return {
        key,
        method,
        url,
        bodyFields: props ? Object.keys(props) : null,
        queryParams: (op?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      };
    });
    expect(routes.filter((r) => r.bodyFields).length).toBeGreaterThan(8);
    stats = {};
  });
  afterAll(async () => {
    // A compact view of what the fuzzing produced, for the log.
    console.info('fuzz answers by status:', JSON.stringify(stats));
    await t?.close();
  });

  /** Sends one request as the admin; logging out gets a throwaway session so the admin's stays alive. */
  async function send(
    route: RouteInfo,
    opts: { path?: string; query?: string; body?: string | Buffer; contentType?: string },
  ) {
    let session = admin;
    if (route.key === 'POST /api/v1/auth/logout') session = await t.login('leader');
    const url = `${opts.path ?? route.url}${opts.query ? `?${opts.query}` : ''}`;
    const req: InjectOptions = {
      method: route.method as InjectOptions['method'],
      url,
      headers: opts.body !== undefined ? { 'content-type': opts.contentType ?? 'application/json' } : {},
      ...(opts.body !== undefined ? { payload: opts.body } : {}),
    };
    const res = await t.request(session, req);
    stats[res.statusCode] = (stats[res.statusCode] ?? 0) + 1;
    const label = `${route.method} ${url.slice(0, 200)} body=${String(opts.body ?? '').slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
    expect(res.statusCode, label).toBeLessThan(500);
    if (res.statusCode >= 400) {
      const body = res.json() as { error: { code: string; message: string; requestId: string } };
      expect(ERROR_CODES, label).toContain(body.error.code);
      expect(body.error.message.length, label).toBeGreaterThan(0);
      expect(body.error.requestId.length, label).toBeGreaterThan(0);
      // Internals never leak into an answer.
      expect(res.body, label).not.toMatch(/at \w+ \(|node_modules|stack|drizzle|syntax error at/i);
    }
    return { res, label };
  }

  const pathOf = (route: RouteInfo, id: string) => route.url.replace(':id', id);
  const withUnknown = (body: Record<string, unknown>, key: string, value: unknown) => ({ ...body, [key]: value });

  describe.each(Object.keys(ROUTE_POLICIES))('%s', (key) => {
    it('never answers 5xx to generated input', async () => {
      const route = routes.find((r) => r.key === key)!;
      const hasId = route.url.includes(':id');
      const listRoute = route.queryParams.includes('pageSize');
      const path = hasId ? badId : fc.constant(null);

      // Bodies: known fields with hostile values, with or without an unknown field, or not an object at all.
      const fields = route.bodyFields ?? ['name', 'id'];
      const objectBody = fc
        .tuple(
          fc.record(Object.fromEntries(fields.map((f) => [f, nastyValue])), { requiredKeys: [] }),
          fc.option(fc.tuple(unknownKey, nastyValue), { nil: null }),
        )
        .map(([b, extra]) => ({ body: extra ? withUnknown(b, extra[0], extra[1]) : b, invalid: extra !== null }));
      const otherBody = fc
        .oneof(nastyString, nastyNumber, fc.constant(null), fc.array(nastyValue, { maxLength: 3 }))
        .map((body) => ({ body: body as unknown, invalid: true }));
      const body =
        route.method === 'GET'
          ? fc.constant(null)
          : fc.oneof({ weight: 3, arbitrary: objectBody }, { weight: 1, arbitrary: otherBody });

      // Query strings: every known parameter with hostile values, unknown parameters, and for lists bad paging.
      const params = fc.array(
        fc.tuple(fc.constantFrom(...route.queryParams, 'zzz', 'pageSize[]', '__proto__'), queryValue),
        { maxLength: 5 },
      );
      const query = fc
        .tuple(params, listRoute ? badPaging : fc.constant([] as string[][]), fc.boolean())
        .map(([ps, paging, bad]) => ({
          query: [...ps, ...(listRoute && bad ? paging : [])].map(([k, v]) => `${encode(k!)}=${v}`).join('&'),
          invalid: listRoute && bad,
        }));

      await fc.assert(
        fc.asyncProperty(path, body, query, async (id, b, q) => {
          const { res, label } = await send(route, {
            ...(id !== null ? { path: pathOf(route, id) } : {}),
            ...(q.query ? { query: q.query } : {}),
            ...(b ? { body: JSON.stringify(b.body) ?? 'null' } : {}),
          });
          // An id of '..' collapses the path first: /orgs/../units is the real route /units, not a bad id.
          const collapsed = id !== null ? new URL(pathOf(route, id), 'http://x').pathname : null;
          const landsElsewhere =
            collapsed !== null &&
            collapsed !== pathOf(route, id!) &&
            t.app.hasRoute({ method: route.method as 'GET', url: collapsed });
          const mustFail =
            (id !== null && !landsElsewhere) || q.invalid || (b?.invalid === true && route.bodyFields !== null);
          if (mustFail) expect(res.statusCode, label).toBeGreaterThanOrEqual(400);
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
    });

    it('refuses broken bodies, bad ids and bad paging with a 4xx', async () => {
      const route = routes.find((r) => r.key === key)!;
      const path = route.url.includes(':id') ? pathOf(route, NOWHERE) : route.url;
      if (route.method !== 'GET') {
        // Over the 1 MiB body limit.
        const huge = JSON.stringify({ name: 'x'.repeat(MIB + 10) });
        expectErrorShape((await send(route, { path, body: huge })).res, 413, 'PAYLOAD_TOO_LARGE');
        // Invalid UTF-8, truncated JSON, a deeply nested document, and the wrong content type.
        for (const raw of [
          Buffer.from([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0xaf, 0x22, 0x7d]),
          Buffer.from([0xed, 0xa0, 0x80]),
          '{"name":',
          '{"name": "a",}',
          "{'name': 'a'}",
          '[]',
          '"just a string"',
          `${'['.repeat(200_000)}${']'.repeat(200_000)}`,
          `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`,
          '{"__proto__": {"isAdmin": true}}',
          '{"constructor": {"prototype": {"isAdmin": true}}}',
        ]) {
          const { res, label } = await send(route, { path, body: raw });
          // Routes without a body schema may ignore well-formed JSON; nothing may pass a body its schema refuses.
          if (route.bodyFields) expect(res.statusCode, label).toBeGreaterThanOrEqual(400);
        }
        const wrongType = await send(route, { path, body: '<name>a</name>', contentType: 'application/xml' });
        if (route.bodyFields) expectErrorShape(wrongType.res, 415, 'UNSUPPORTED_MEDIA_TYPE');
        if (route.bodyFields) {
          // 100 KiB per field, or less when the route has so many fields that the body would pass the size limit.
          const each = Math.min(100 * 1024, Math.floor((0.9 * MIB) / route.bodyFields.length));
          const hundredK = Object.fromEntries(route.bodyFields.map((f) => [f, 'x'.repeat(each)]));
          expectErrorShape((await send(route, { path, body: JSON.stringify(hundredK) })).res, 400, 'VALIDATION_FAILED');
        }
      }
      if (route.url.includes(':id')) {
        for (const id of ['not-a-uuid', '123', encode("' or 1=1 --")]) {
          const { res } = await send(route, { path: pathOf(route, id), ...(route.bodyFields ? { body: '{}' } : {}) });
          const error = expectErrorShape(res, 400, 'VALIDATION_FAILED');
          expect(JSON.stringify(error.details)).toContain('params.id');
        }
        // The router's own refusals: a broken percent-encoding and a parameter over the length limit.
        for (const id of ['%ff', '%E4%B8', 'x'.repeat(250)]) {
          const { res } = await send(route, { path: pathOf(route, id), ...(route.bodyFields ? { body: '{}' } : {}) });
          expect(expectErrorShape(res, 400, 'VALIDATION_FAILED').details).toEqual([
            { path: 'params', message: '请求地址无效' },
          ]);
        }
        const body = route.key.endsWith('reset-password')
          ? '{"newPassword":"Str0ng-Passw0rd!"}'
          : route.key === 'POST /api/v1/members/:id/events'
            ? '{"type":"lost","effectiveDate":"2020-01-01"}'
            : (ID_PROBE_BODIES[route.key] ?? (route.bodyFields ? '{}' : undefined));
        const query = ID_PROBE_QUERIES[route.key];
        const { res } = await send(route, {
          path: pathOf(route, NOWHERE),
          ...(body ? { body } : {}),
          ...(query ? { query } : {}),
        });
        expectErrorShape(res, 404, 'NOT_FOUND');
      }
      if (route.queryParams.includes('pageSize')) {
        const listPath = route.url.includes(':id') ? pathOf(route, rootOrgId) : undefined;
        for (const [param, values] of Object.entries(BAD_PAGING)) {
          for (const v of values) {
            const { res } = await send(route, { path: listPath, query: `${param}=${encode(v)}` });
            const error = expectErrorShape(res, 400, 'VALIDATION_FAILED');
            expect(JSON.stringify(error.details)).toContain(`querystring.${param}`);
          }
        }
        expectErrorShape(
          (await send(route, { path: listPath, query: `sorter=${'x'.repeat(201)}` })).res,
          400,
          'VALIDATION_FAILED',
        );
        // Garbage sorters within the length limit are ignored, not errors.
        for (const sorter of [
          'nope:ascend',
          '{"password_hash":"ascend"}',
          '{broken',
          ':',
          '{"createdAt":{"$gt":1}}',
          'name; drop table users',
        ]) {
          expect(
            (await send(route, { path: listPath, query: `sorter=${encode(sorter)}&pageSize=1` })).res.statusCode,
          ).toBeLessThan(300);
        }
      }
    });
  });

  it('tells a missing field from a field of the wrong type, and names both', async () => {
    const res = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/orgs',
      headers: { 'accept-language': 'en-US' },
      payload: { type: 'branch', name: 42, sortOrder: 'first' },
    });
    const error = expectErrorShape(res, 400, 'VALIDATION_FAILED');
    const byPath = Object.fromEntries(
      (error.details as { path: string; message: string }[]).map((d) => [d.path, d.message]),
    );
    expect(byPath['body.parentId']).toBe('Required');
    expect(byPath['body.name']).toMatch(/^Wrong type; expected string/);
    expect(byPath['body.sortOrder']).toMatch(/^Wrong type; expected number/);
    const array = await t.request(admin, { method: 'POST', url: '/api/v1/orgs', payload: [] });
    expect(expectErrorShape(array, 400, 'VALIDATION_FAILED').details).toEqual([
      { path: 'body', message: expect.stringMatching(/^类型错误/) },
    ]);
  });

  it('leaves the audit chain intact and the admin session alive', async () => {
    const result = await verifyAuditChain(t.database.db);
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true, brokenAt: null });
    expect(result.checked).toBeGreaterThan(400);
    expect((await t.request(admin, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
    const verify = await t.request(admin, { method: 'GET', url: '/api/v1/audit-events/verify' });
    expect(verify.json().ok).toBe(true);
  });
});
