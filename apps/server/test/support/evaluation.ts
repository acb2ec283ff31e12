import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/rows.js';
import type { Session, TestApp } from '../../src/test-support/test-app.js';
import { createUser, STRONG_PASSWORD } from './fixtures.js';

type OrgRef = { id: string; path: string };

let seq = 0;

/** A login for a member who has none: a new `member` account linked to the member record. */
export async function sessionForMember(t: TestApp, admin: Session, memberId: string): Promise<Session> {
  const [m] = await queryRows<{ org_id: string }>(
    t.database.db,
    sql`select org_id from members where id = ${memberId}`,
  );
  seq += 1;
  const username = `eval_${seq}_${memberId.slice(0, 8)}`;
  const userId = await createUser(t, admin, { username, roles: [{ role: 'member', orgId: m!.org_id }] });
  await t.database.db.execute(sql`update members set user_id = ${userId} where id = ${memberId}`);
  return t.login(username, STRONG_PASSWORD);
}

export async function post(t: TestApp, s: Session, url: string, payload: object = {}) {
  const res = await t.request(s, { method: 'POST', url: `/api/v1${url}`, payload });
  if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/**
 * Fixtures for the evaluation routes in the permission walk. A 民主评议 of branch A and of branch B (year 2040, being
 * prepared) with a subject each; a closed 述职评议 of 星光集团 (2040) with a rectification item and an attachment in
 * branch A, and one of 双欣集团 likewise for branch B; and a 述职评议 of the zone (2041) in voting, on whose roll every
 * caller's own member stands as a representative (the H5 routes).
 */
export async function setUpEvaluationWalk(
  t: TestApp,
  admin: Session,
  orgs: { branchA: OrgRef; branchB: OrgRef; xingguang: OrgRef; shuangxin: OrgRef; root: OrgRef },
  memberSessions: Session[],
) {
  const db = t.database.db;
  const memberEval = async (org: OrgRef) => {
    const c = await post(t, admin, '/evaluation/campaigns', { kind: 'member_evaluation', orgId: org.id, year: 2040 });
    return { campaign: c.id as string, subject: c.subjects[0].id as string };
  };
  const a = await memberEval(orgs.branchA);
  const b = await memberEval(orgs.branchB);
  const review = async (org: OrgRef, branch: OrgRef) => {
    const c = await post(t, admin, '/evaluation/campaigns', {
      kind: 'secretary_review',
      orgId: org.id,
      year: 2040,
      subjectOrgIds: [branch.id],
    });
    await post(t, admin, `/evaluation/campaigns/${c.id}/open-voting`);
    await post(t, admin, `/evaluation/campaigns/${c.id}/close-voting`);
    const subject = c.subjects[0].id as string;
    const item = await post(t, admin, `/evaluation/subjects/${subject}/rectifications`, {
      problem: '探针问题',
      ownerName: '探针',
      dueOn: '2041-06-30',
    });
    const attachment = crypto.randomUUID();
    const sha = 'e'.repeat(63) + (branch === orgs.branchA ? 'a' : 'b');
    await db.execute(sql`insert into stored_files (sha256, size, content_type, bytes)
      values (${sha}, 4, 'application/pdf', ${Buffer.from('%PDF')}) on conflict do nothing`);
    await db.execute(sql`insert into evaluation_attachments (id, campaign_id, subject_id, file_name, sha256, size, content_type)
      values (${attachment}, ${c.id}, ${subject}, '探针.pdf', ${sha}, 4, 'application/pdf')`);
    return { campaign: c.id as string, subject, rectification: item.id as string, attachment };
  };
  const ra = await review(orgs.xingguang, orgs.branchA);
  const rb = await review(orgs.shuangxin, orgs.branchB);
  const ownMembers: string[] = [];
  for (const s of memberSessions) {
    const me = await t.request(s, { method: 'GET', url: '/api/v1/me/member' });
    if (me.statusCode === 200) ownMembers.push(me.json().id);
  }
  const mine = await post(t, admin, '/evaluation/campaigns', {
    kind: 'secretary_review',
    orgId: orgs.root.id,
    year: 2041,
    voters: { branchMembers: false, superiorCommittee: false, representativeIds: ownMembers },
  });
  await post(t, admin, `/evaluation/campaigns/${mine.id}/open-voting`);
  const [subject] = await queryRows<{ id: string }>(
    db,
    sql`select id from evaluation_subjects where campaign_id = ${mine.id} and member_id is null order by sort_order limit 1`,
  );
  return {
    records: {
      evalCampaignA: a.campaign,
      evalCampaignB: b.campaign,
      evalSubjectA: a.subject,
      evalSubjectB: b.subject,
      reviewA: ra.campaign,
      reviewSubjectA: ra.subject,
      rectificationA: ra.rectification,
      rectificationB: rb.rectification,
      evalAttachmentA: ra.attachment,
      evalAttachmentB: rb.attachment,
      myEvaluation: mine.id as string,
      /** A campaign no caller's member takes part in. */
      notMyEvaluation: b.campaign,
    },
    ballotSubject: subject!.id,
  };
}
