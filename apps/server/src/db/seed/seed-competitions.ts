import { createHash } from 'node:crypto';
import { questionHashText } from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import type { AuditRecorder } from '../../core/transaction.js';
import { answerPoints } from '../../modules/competition/competition.policy.js';
import { drawQuestions } from '../../modules/exam/index.js';
import type { Tx } from '../client.js';
import { queryRows } from '../rows.js';
import { competitionAnswers, competitionEntries, competitionQuestions, competitions } from '../schema/index.js';
import type { Random } from './random.js';

type OrgRef = { id: string; path: string };
type Q = { kind: 'single' | 'true_false'; stem: string; options?: string[]; answer: string | boolean; tags: string[] };

/** The questions of the demo's competition bank (common 应知应会 items; the right option is listed first). */
const QUESTIONS: Q[] = [
  {
    kind: 'single',
    stem: '中国共产党成立于哪一年？',
    options: ['1921年', '1919年', '1927年', '1949年'],
    answer: 'A',
    tags: ['党史'],
  },
  {
    kind: 'single',
    stem: '中国共产党第一次全国代表大会最后一天的会议转移到哪里举行？',
    options: ['浙江嘉兴南湖', '上海法租界', '湖南长沙', '江西南昌'],
    answer: 'A',
    tags: ['党史'],
  },
  {
    kind: 'single',
    stem: '党的最高理想和最终目标是什么？',
    options: ['实现共产主义', '全面建成小康社会', '实现现代化', '实现祖国统一'],
    answer: 'A',
    tags: ['党章'],
  },
  {
    kind: 'single',
    stem: '预备党员的预备期为多长时间？',
    options: ['一年', '半年', '两年', '三个月'],
    answer: 'A',
    tags: ['党章'],
  },
  {
    kind: 'single',
    stem: '党的根本组织原则是什么？',
    options: ['民主集中制', '集体领导', '少数服从多数', '个人分工负责'],
    answer: 'A',
    tags: ['党章'],
  },
  {
    kind: 'single',
    stem: '党员如果没有正当理由，连续几个月不参加党的组织生活，就被认为是自行脱党？',
    options: ['六个月', '三个月', '九个月', '十二个月'],
    answer: 'A',
    tags: ['党章'],
  },
  {
    kind: 'single',
    stem: '遵义会议召开于哪一年？',
    options: ['1935年', '1934年', '1936年', '1937年'],
    answer: 'A',
    tags: ['党史'],
  },
  {
    kind: 'single',
    stem: '“三会一课”中的“一课”是指什么？',
    options: ['按时上好党课', '按时上好政治课', '按时上好业务课', '按时上好文化课'],
    answer: 'A',
    tags: ['组织生活'],
  },
  {
    kind: 'single',
    stem: '党支部委员会每届任期为几年？',
    options: ['三年至五年', '两年', '一年', '六年'],
    answer: 'A',
    tags: ['党章'],
  },
  {
    kind: 'single',
    stem: '党的基层组织设立委员会的，每届任期一般为几年（基层党委）？',
    options: ['五年', '三年', '两年', '四年'],
    answer: 'A',
    tags: ['党章'],
  },
  {
    kind: 'single',
    stem: '党员领导干部应当以普通党员身份参加所在党支部或党小组的什么活动？',
    options: ['组织生活会', '专题培训', '文体活动', '志愿服务'],
    answer: 'A',
    tags: ['组织生活'],
  },
  {
    kind: 'single',
    stem: '党的纪律处分有几种？',
    options: ['五种', '四种', '三种', '六种'],
    answer: 'A',
    tags: ['党章'],
  },
  {
    kind: 'single',
    stem: '我们党的根本宗旨是什么？',
    options: ['全心全意为人民服务', '实事求是', '理论联系实际', '批评与自我批评'],
    answer: 'A',
    tags: ['党章'],
  },
  {
    kind: 'single',
    stem: '党员的党龄从什么时候算起？',
    options: ['预备期满转为正式党员之日', '递交入党申请书之日', '确定为积极分子之日', '支部大会通过之日'],
    answer: 'A',
    tags: ['党章'],
  },
  {
    kind: 'single',
    stem: '中华人民共和国成立于哪一年？',
    options: ['1949年', '1945年', '1950年', '1937年'],
    answer: 'A',
    tags: ['党史'],
  },
  {
    kind: 'single',
    stem: '党的十一届三中全会召开于哪一年？',
    options: ['1978年', '1976年', '1982年', '1980年'],
    answer: 'A',
    tags: ['党史'],
  },
  {
    kind: 'true_false',
    stem: '党员有权向党负责地揭发、检举党的任何组织和任何党员违法乱纪的事实。',
    answer: true,
    tags: ['党章'],
  },
  { kind: 'true_false', stem: '入党誓词中有“永不叛党”的内容。', answer: true, tags: ['党章'] },
  { kind: 'true_false', stem: '预备党员享有表决权、选举权和被选举权。', answer: false, tags: ['党章'] },
  { kind: 'true_false', stem: '主题党日一般每月开展一次。', answer: true, tags: ['组织生活'] },
  { kind: 'true_false', stem: '党小组会一般每季度召开一次。', answer: false, tags: ['组织生活'] },
  {
    kind: 'true_false',
    stem: '党员因工作需要流动的，应当转接组织关系或参加流动党员党组织的活动。',
    answer: true,
    tags: ['党章'],
  },
  { kind: 'true_false', stem: '发展党员必须经过党的支部，坚持个别吸收的原则。', answer: true, tags: ['党章'] },
  { kind: 'true_false', stem: '党费可以由他人代交而不需本人知情。', answer: false, tags: ['党章'] },
];

const LETTERS = 'ABCD';

/**
 * 知识竞赛 of the demo: a bank of common questions owned by the zone, one competition that ended ten days ago with
 * results for a few hundred members (two of them answering suspiciously fast, so the flags show), and one upcoming.
 */
export async function seedCompetitions(
  tx: Tx,
  audit: AuditRecorder,
  rnd: Random,
  opts: { root: OrgRef; today: string },
) {
  const bank = rnd.uuid();
  await tx.execute(sql`insert into question_banks (id, name, description, org_id, org_path)
    values (${bank}, '知识竞赛题库（示例）', '党章党史与组织生活应知应会，供知识竞赛抽题', ${opts.root.id}, ${opts.root.path})`);
  for (const [i, q] of QUESTIONS.entries()) {
    const options = (q.options ?? []).map((text, k) => ({ key: LETTERS[k]!, text }));
    const answer = [q.answer];
    await tx.execute(sql`insert into questions (id, bank_id, kind, stem, options, answer, tags, difficulty, content_hash)
      values (${rnd.uuid()}, ${bank}, ${q.kind}, ${q.stem}, ${JSON.stringify(options)}::jsonb, ${JSON.stringify(answer)}::jsonb,
        ${sql`array[${sql.join(
          q.tags.map((t) => sql`${t}`),
          sql`, `,
        )}]::text[]`}, ${(i % 3) + 1},
        ${createHash('sha256')
          .update(questionHashText({ kind: q.kind, stem: q.stem, options, answer }))
          .digest('hex')})`);
  }
  const day = (offset: number, hour: number) =>
    new Date(new Date(`${opts.today}T${String(hour).padStart(2, '0')}:00:00+08:00`).getTime() + offset * 86_400_000);

  const make = async (title: string, startsAt: Date, extra: Partial<typeof competitions.$inferInsert> = {}) => {
    const id = rnd.uuid();
    const row = {
      id,
      orgId: opts.root.id,
      orgPath: opts.root.path,
      title,
      description: '全区党员参加，题目从题库统一抽取，每题限时 20 秒。',
      status: 'scheduled',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 60 * 60_000),
      questionSeconds: 20,
      bankIds: [bank],
      drawRules: [
        { tags: ['党章'], count: 6 },
        { tags: ['党史', '组织生活'], count: 4 },
      ],
      drawSeed: rnd.uuid(),
      audienceOrgIds: [opts.root.id],
      audiencePaths: [opts.root.path],
      ...extra,
    };
    await tx.insert(competitions).values(row);
    const drawn = await drawQuestions(tx, { bankIds: row.bankIds, rules: row.drawRules, seed: row.drawSeed });
    await tx.insert(competitionQuestions).values(
      drawn.map((q, position) => ({
        competitionId: id,
        position,
        questionId: q.id,
        snapshot: { kind: q.kind, stem: q.stem, options: q.options, answer: q.answer, points: q.points },
      })),
    );
    audit.record({
      action: 'competition.scheduled',
      entity: 'competition',
      entityId: id,
      orgPath: opts.root.path,
      actor: { id: null, name: 'seed' },
      after: { title, questions: drawn.length },
    });
    return { id, row, drawn };
  };

  // The finished one: ~300 members of the zone, answers with human timing, two members far too fast.
  const done = await make('“学党章 守党规”知识竞赛', day(-10, 15), { publishTopList: true, teamAggregate: 'average' });
  const people = await queryRows<{ id: string; org_id: string; org_path: string }>(
    tx,
    sql`select id, org_id, org_path from members where status = 'active' and org_id is not null
      and org_path like ${`${opts.root.path}%`} order by id`,
  );
  const chosen = people.filter(() => rnd.next() < 0.35).slice(0, 320);
  const entries: (typeof competitionEntries.$inferInsert)[] = [];
  const answers: (typeof competitionAnswers.$inferInsert)[] = [];
  for (const [n, m] of chosen.entries()) {
    const entryId = rnd.uuid();
    const admitAt = new Date(done.row.startsAt.getTime() + Math.floor(n / 200) * 1000);
    const skill = 0.5 + rnd.next() * 0.45;
    const fast = n === 7 || n === 131;
    let clock = admitAt.getTime() + rnd.int(200, 3000);
    let score = 0;
    let correct = 0;
    let totalMs = 0;
    for (const [position, q] of done.drawn.entries()) {
      const elapsed = fast ? rnd.int(500, 1200) : rnd.int(2500, 17_000);
      const right = fast || rnd.next() < skill;
      const options = q.options as { key: string }[];
      const wrongKey = options.find((o) => o.key !== q.answer[0])?.key ?? 'B';
      const given = q.kind === 'true_false' ? (right ? q.answer[0] : !q.answer[0]) : right ? q.answer[0] : wrongKey;
      const points = answerPoints(right, elapsed, 20_000);
      answers.push({
        entryId,
        position,
        openedAt: new Date(clock),
        answeredAt: new Date(clock + elapsed),
        answer: given,
        correct: right,
        points,
        elapsedMs: elapsed,
      });
      clock += elapsed + rnd.int(150, 900);
      score += points;
      correct += right ? 1 : 0;
      totalMs += elapsed;
    }
    entries.push({
      id: entryId,
      competitionId: done.id,
      memberId: m.id,
      orgId: m.org_id,
      orgPath: m.org_path,
      joinedAt: new Date(done.row.startsAt.getTime() - rnd.int(10, 900) * 1000),
      admitAt,
      startedAt: admitAt,
      score,
      correct,
      answered: done.drawn.length,
      totalMs,
    });
  }
  for (let i = 0; i < entries.length; i += 500) await tx.insert(competitionEntries).values(entries.slice(i, i + 500));
  for (let i = 0; i < answers.length; i += 1000) await tx.insert(competitionAnswers).values(answers.slice(i, i + 1000));
  await tx.execute(sql`update competitions set joined_count = ${entries.length} where id = ${done.id}`);

  // The upcoming one: in three days, team standings by average, the individual list not published.
  await make('“奋进新征程”党史知识竞赛', day(3, 15), {
    drawRules: [{ count: 10 }],
    description: '以支部为团队计算平均分；开赛前 30 分钟可进入候场。',
  });
}
