import { randomUUID } from 'node:crypto';
import type { RoutePolicy } from '../../src/core/route-policy.js';
import type { Session, TestApp } from '../../src/test-support/test-app.js';

type OrgRef = { id: string; path: string };

const NOWHERE = '7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f';

async function call(t: TestApp, s: Session, method: 'POST' | 'GET', url: string, payload?: object) {
  const res = await t.request(s, { method, url: `/api/v1${url}`, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/**
 * Fixtures of the permission walk for 题库 and 考试测验: a bank and a question of branch A and of branch B (console
 * routes), a draft exam of each branch, a zone-wide open exam every caller's own member may take (and resume) and an
 * open exam for branch B, whose audience holds no caller (their H5 probes expect 404).
 */
export async function setUpExamsWalk(
  t: TestApp,
  admin: Session,
  orgs: { root: OrgRef; branchA: OrgRef; branchB: OrgRef },
) {
  const bank = async (org: OrgRef) => {
    const b = await call(t, admin, 'POST', '/question-banks', { name: `探针题库 ${randomUUID()}`, orgId: org.id });
    const question = await call(t, admin, 'POST', `/question-banks/${b.id}/questions`, {
      kind: 'true_false',
      stem: `探针判断 ${randomUUID()}`,
      answer: [true],
    });
    return { bank: b.id as string, question: question.id as string };
  };
  const a = await bank(orgs.branchA);
  const b = await bank(orgs.branchB);
  const zoneBanks = (await call(t, admin, 'GET', '/question-banks?pageSize=50')).data
    .filter((x: { orgId: string }) => x.orgId === orgs.root.id)
    .map((x: { id: string }) => x.id);
  const exam = async (org: OrgRef, publish: boolean, audience: OrgRef = org) => {
    const e = await call(t, admin, 'POST', '/exams', {
      orgId: org.id,
      kind: 'quiz',
      title: `探针测验 ${randomUUID()}`,
      bankIds: zoneBanks,
      drawRules: [{ count: 3 }],
      maxAttempts: 20,
      audienceOrgIds: [audience.id],
    });
    if (publish) await call(t, admin, 'POST', `/exams/${e.id}/publish`);
    return e.id as string;
  };
  const examA = await exam(orgs.branchA, false);
  const examB = await exam(orgs.branchB, false);
  const zone = await exam(orgs.root, true);
  const nobody = await exam(orgs.branchB, true);

  return {
    ids(resource: RoutePolicy['resource'], zoneWide: boolean): { inScope: string; outOfScope: string } | null {
      switch (resource) {
        case 'question-bank':
          return { inScope: a.bank, outOfScope: zoneWide ? NOWHERE : b.bank };
        case 'question':
          return { inScope: a.question, outOfScope: zoneWide ? NOWHERE : b.question };
        case 'exam':
          return { inScope: examA, outOfScope: zoneWide ? NOWHERE : examB };
        case 'my-exam':
          return { inScope: zone, outOfScope: nobody };
        default:
          return null;
      }
    },
    body(key: string, seq: number): unknown {
      switch (key) {
        case 'POST /api/v1/question-banks':
          return { name: `探针题库 ${seq} ${randomUUID()}`, orgId: orgs.branchA.id };
        case 'PATCH /api/v1/question-banks/:id':
          return { description: `探针 ${seq}` };
        case 'POST /api/v1/question-banks/:id/questions':
          return { kind: 'true_false', stem: `探针新题 ${seq} ${randomUUID()}`, answer: [true] };
        case 'PUT /api/v1/questions/:id':
          return { kind: 'true_false', stem: `探针改题 ${seq} ${randomUUID()}`, answer: [false] };
        case 'POST /api/v1/exams':
          return {
            orgId: orgs.branchA.id,
            kind: 'quiz',
            title: `探针测验 ${seq}`,
            bankIds: zoneBanks,
            drawRules: [{ count: 2 }],
            audienceOrgIds: [orgs.branchA.id],
          };
        case 'PATCH /api/v1/exams/:id':
          return { title: `探针测验改 ${seq}` };
        case 'PUT /api/v1/exams/:id/overrides':
          return { memberId: NOWHERE, extraAttempts: 1, extraMinutes: 0 };
        case 'POST /api/v1/exams/:id/publish':
        case 'POST /api/v1/exams/:id/close':
        case 'POST /api/v1/me/exams/:id/attempts':
        case 'POST /api/v1/me/exams/:id/submit':
          return {};
        case 'PUT /api/v1/me/exams/:id/answers':
          return { questionId: NOWHERE, answer: true };
        default:
          return undefined;
      }
    },
  };
}
export type ExamsWalk = Awaited<ReturnType<typeof setUpExamsWalk>>;
