import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { AuditRecorder } from '../../core/transaction.js';
import { htmlToText } from '../../modules/learning/learning.sanitize.js';
import type { Tx } from '../client.js';
import { queryRows } from '../rows.js';
import {
  learningCategories,
  learningContentProgress,
  learningContents,
  learningContentTargets,
  learningCourses,
  learningLessonCompletions,
  learningLessons,
  learningPlans,
  learningPlanTargets,
  learningStudyDays,
  learningStudySessions,
} from '../schema/index.js';
import type { Random } from './random.js';
import { DEMO_CATEGORIES, DEMO_CONTENTS, DEMO_PDFS, makeDemoPdf } from './seed-learning-text.js';

type OrgRef = { id: string; path: string };
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The demo's generated files by SHA-256: the content service writes one into the blob store when first asked. */
export const DEMO_LEARNING_ASSETS: ReadonlyMap<string, Buffer> = new Map(
  DEMO_PDFS.map((d) => {
    const bytes = makeDemoPdf(d.lines);
    return [sha256(bytes), bytes];
  }),
);

const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const at = (day: string, hh: number, mm = 0) =>
  new Date(`${day}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+08:00`);

/**
 * 学习教育 demo: the library (articles, policy documents with a second version, PDFs), three courses (one of two
 * 1-minute lessons, for trying the H5 lesson page quickly), two plans of this year, and a year of sampled online study
 * of about a fifth of the members, written as sessions, days, progress and lesson completions.
 */
export async function seedLearning(
  tx: Tx,
  audit: AuditRecorder,
  rnd: Random,
  opts: { root: OrgRef; xingguang: OrgRef; admin: { id: string; displayName: string }; today: string },
) {
  const { root, admin, today } = opts;
  const categoryIds = new Map(DEMO_CATEGORIES.map((name) => [name, rnd.uuid()]));
  await tx
    .insert(learningCategories)
    .values(DEMO_CATEGORIES.map((name, i) => ({ id: categoryIds.get(name)!, name, sortOrder: i + 1 })));

  const year = Number(today.slice(0, 4));
  const published = at(`${year - 1}-12-20`, 9);
  const contents: (typeof learningContents.$inferInsert)[] = [];
  const base = {
    status: 'published',
    audience: 'zone',
    orgId: root.id,
    orgPath: root.path,
    authorId: admin.id,
    authorName: admin.displayName,
    reviewerName: '开发区党工委宣传委员',
    reviewedAt: published,
    publishedAt: published,
    createdAt: published,
    updatedAt: published,
  } as const;
  for (const [i, c] of DEMO_CONTENTS.entries()) {
    const html = c.paragraphs.map((x) => `<p>${x}</p>`).join('');
    const id = rnd.uuid();
    const when = new Date(published.getTime() + i * 3_600_000);
    contents.push({
      ...base,
      id,
      kind: c.kind,
      title: c.title,
      summary: c.summary,
      bodyHtml: html,
      bodyText: htmlToText(html),
      categoryId: categoryIds.get(c.category)!,
      tags: c.tags,
      seriesId: c.kind === 'policy' ? id : null,
      docNumber: c.docNumber ?? null,
      publishedAt: when,
      updatedAt: when,
    });
  }
  for (const d of DEMO_PDFS) {
    const bytes = makeDemoPdf(d.lines);
    const id = rnd.uuid();
    contents.push({
      ...base,
      id,
      kind: d.category === '制度文件' ? 'policy' : 'document',
      title: d.title,
      summary: d.summary,
      categoryId: categoryIds.get(d.category)!,
      tags: d.tags,
      seriesId: d.category === '制度文件' ? id : null,
      fileSha256: sha256(bytes),
      fileName: d.fileName,
      fileMime: 'application/pdf',
      fileSize: bytes.byteLength,
    });
  }
  // The points scheme in force as version 2 (the first withdrawn), a 星光集团-only article, and one awaiting review.
  const scheme = contents.find((c) => c.title === '开发区党员积分评星管理办法')!;
  scheme.status = 'withdrawn';
  contents.push({
    ...scheme,
    id: rnd.uuid(),
    status: 'published',
    version: 2,
    docNumber: '开党工发〔2024〕3号',
    bodyHtml: `${scheme.bodyHtml}<p>第四条（2024年修订新增）参加在线学习、完成学习计划课程的，按积分规则计入学习教育积分，每年上限12分。</p>`,
    publishedAt: at(`${year - 1}-12-28`, 10),
  });
  const xgArticle = rnd.uuid();
  contents.push({
    ...base,
    id: xgArticle,
    kind: 'article',
    title: '星光集团党委：安全生产“党员身边无事故”活动方案',
    summary: '仅面向星光集团各党支部：党员责任区划分、示范岗设置和季度评比办法。',
    bodyHtml:
      '<h2>活动方案</h2><p>一、每名党员认领一个责任区，负责区域内的安全巡查和隐患上报。</p><p>二、各支部每季度评选一次“安全示范岗”。</p>',
    bodyText:
      '活动方案 一、每名党员认领一个责任区，负责区域内的安全巡查和隐患上报。二、各支部每季度评选一次“安全示范岗”。',
    categoryId: categoryIds.get('先进典型')!,
    tags: ['安全生产'],
    audience: 'orgs',
  });
  contents.push({
    ...base,
    id: rnd.uuid(),
    kind: 'article',
    title: '学习贯彻《中国共产党纪律处分条例》的几点体会（待审核）',
    summary: '结合企业实际谈纪律建设。',
    bodyHtml: '<p>纪律是党的生命线。学习条例，要把握六项纪律的具体要求，做到知敬畏、存戒惧、守底线。</p>',
    bodyText: '纪律是党的生命线。学习条例，要把握六项纪律的具体要求，做到知敬畏、存戒惧、守底线。',
    categoryId: categoryIds.get('党章党规')!,
    tags: ['纪律'],
    status: 'in_review',
    reviewerName: null,
    reviewedAt: null,
    publishedAt: null,
  });
  await tx.insert(learningContents).values(contents);
  await tx
    .insert(learningContentTargets)
    .values({ contentId: xgArticle, orgId: opts.xingguang.id, orgPath: opts.xingguang.path });

  const byTitle = (t: string) => contents.find((c) => c.title.startsWith(t) && c.status === 'published')!;
  const courses = [
    {
      title: '新党员入门微课',
      description: '两节一分钟微课，适合在手机上快速学完。',
      lessons: [
        ['党章第一章学习笔记', 1],
        ['党员的八项义务逐条读', 1],
      ],
    },
    {
      title: '学习贯彻党的二十大精神专题',
      description: '四个专题，每个专题学习10分钟。',
      lessons: [
        ['党的二十大报告中的', 10],
        ['高质量发展是全面建设', 10],
        ['全面从严治党永远在路上', 10],
        ['绿色发展', 10],
      ],
    },
    {
      title: '开发区“1+2+3+4”制度体系解读',
      description: '实施办法、指导意见和管理办法逐篇学习。',
      lessons: [
        ['开发区党（工）委党建工作实施办法', 8],
        ['开发区党组织标准化建设指导意见', 8],
        ['开发区党员积分评星管理办法', 8],
      ],
    },
  ] as const;
  const lessonRows: (typeof learningLessons.$inferInsert)[] = [];
  const courseIds: string[] = [];
  for (const c of courses) {
    const id = rnd.uuid();
    courseIds.push(id);
    await tx.insert(learningCourses).values({
      id,
      title: c.title,
      description: c.description,
      orgId: root.id,
      orgPath: root.path,
      createdById: admin.id,
      createdByName: admin.displayName,
      createdAt: published,
    });
    c.lessons.forEach(([t, minutes], i) => {
      const content = byTitle(t);
      lessonRows.push({
        id: rnd.uuid(),
        courseId: id,
        position: i + 1,
        contentId: content.id!,
        title: content.title,
        requiredSeconds: minutes * 60,
      });
    });
  }
  await tx.insert(learningLessons).values(lessonRows);
  const plans = [
    {
      title: `${year}年度党员学习计划：二十大精神专题`,
      courseId: courseIds[1]!,
      startsOn: `${year}-01-01`,
      dueOn: `${year}-12-31`,
    },
    {
      title: '新党员入门微课（限时完成）',
      courseId: courseIds[0]!,
      startsOn: `${year}-01-01`,
      dueOn: addDays(today, 30),
    },
  ];
  for (const p of plans) {
    const id = rnd.uuid();
    await tx.insert(learningPlans).values({
      id,
      ...p,
      orgId: root.id,
      orgPath: root.path,
      createdById: admin.id,
      createdByName: admin.displayName,
      createdAt: published,
    });
    await tx.insert(learningPlanTargets).values({ id: rnd.uuid(), planId: id, orgId: root.id, orgPath: root.path });
  }

  // A year of sampled online study on the 二十大 course (about a fifth of the members, a few to forty days each).
  const members = await queryRows<{ id: string; user_id: string | null }>(
    tx,
    sql`select id, user_id from members where status = 'active' order by id`,
  );
  const courseLessons = lessonRows.filter((l) => l.courseId === courseIds[1]);
  const sessions: (typeof learningStudySessions.$inferInsert)[] = [];
  const days: (typeof learningStudyDays.$inferInsert)[] = [];
  const progress: (typeof learningContentProgress.$inferInsert)[] = [];
  const completions: (typeof learningLessonCompletions.$inferInsert)[] = [];
  const first = `${year}-01-01` > addDays(today, -365) ? addDays(today, -365) : `${year}-01-01`;
  const span = Math.max(1, Math.round((Date.parse(today) - Date.parse(first)) / 86_400_000));
  for (const m of members) {
    if (rnd.next() > 0.2) continue;
    const chosen = new Set<string>();
    const n = rnd.int(3, 40);
    for (let i = 0; i < n; i++) chosen.add(addDays(first, rnd.int(0, span - 1)));
    const credited = new Map<string, number>();
    for (const day of [...chosen].sort()) {
      const lesson = rnd.pick(courseLessons);
      const seconds = Math.min(7200, rnd.int(8, 55) * 60);
      const start = at(day, rnd.int(7, 21), rnd.int(0, 59));
      const end = new Date(start.getTime() + seconds * 1000);
      const beats = Math.ceil(seconds / 15);
      sessions.push({
        id: rnd.uuid(),
        memberId: m.id,
        contentId: lesson.contentId,
        lessonId: lesson.id!,
        day,
        startedAt: start,
        lastBeatAt: end,
        lastCreditAt: end,
        lastPosition: 1,
        heartbeats: beats + rnd.int(0, 6),
        acceptedHeartbeats: beats,
        creditedSeconds: seconds,
      });
      days.push({
        memberId: m.id,
        day,
        creditedSeconds: seconds,
        lastCreditAt: end,
        lastSessionId: sessions.at(-1)!.id!,
      });
      const before = credited.get(lesson.id!) ?? 0;
      credited.set(lesson.id!, before + seconds);
      if (before < lesson.requiredSeconds && before + seconds >= lesson.requiredSeconds)
        completions.push({ memberId: m.id, lessonId: lesson.id!, completedAt: end });
    }
    for (const l of courseLessons) {
      const s = credited.get(l.id!);
      if (s)
        progress.push({
          memberId: m.id,
          contentId: l.contentId,
          creditedSeconds: s,
          lastPosition: 1,
          updatedAt: at(today, 8),
        });
    }
  }
  for (let i = 0; i < sessions.length; i += 1000)
    await tx.insert(learningStudySessions).values(sessions.slice(i, i + 1000));
  for (let i = 0; i < days.length; i += 1000) await tx.insert(learningStudyDays).values(days.slice(i, i + 1000));
  for (let i = 0; i < progress.length; i += 1000)
    await tx.insert(learningContentProgress).values(progress.slice(i, i + 1000));
  for (let i = 0; i < completions.length; i += 1000)
    await tx.insert(learningLessonCompletions).values(completions.slice(i, i + 1000));
  audit.record({
    action: 'learning.demo_seeded',
    entity: 'learning',
    orgPath: root.path,
    after: { contents: contents.length, courses: courses.length, plans: plans.length, sessions: sessions.length },
    actor: { id: null, name: 'seed' },
  });
}
