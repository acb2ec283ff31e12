import { expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../fixtures/accounts';
import { adminApi, phoneLogin } from '../fixtures/api';

/** Today in Beijing, as the server dates study and points. */
const beijingToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The number after 完成课时 on 学习档案. */
async function lessonsCompleted(mp: Page): Promise<number> {
  const hero = mp.getByTestId('study-hours');
  await expect(hero).toContainText('完成课时');
  const m = /完成课时\s*(\d+)/.exec((await hero.textContent()) ?? '');
  expect(m, 'the record names the lessons completed').not.toBeNull();
  return Number(m![1]);
}

test('[LEARNING] a member on the phone completes a lesson and a quiz; the study record and the points show both', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const api = await adminApi(baseURL!);
  const today = beijingToday();
  const tag = Date.now().toString(36);

  // The zone plans a one-lesson course of half a minute for 巴特尔 (the demo courses take longer).
  const me = await api.get('/auth/me');
  const zoneId = me.roles[0].orgId as string;
  const contents = await api.get('/learning/contents?status=published&kind=article&pageSize=50');
  const article = contents.data.find((c: { audience: string }) => c.audience === 'zone');
  expect(article, 'a published zone-wide article').toBeTruthy();

  const phone = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const mp = await phone.newPage();
  await phoneLogin(mp);
  // The demo zone has several members named 巴特尔: take the one this account is linked to.
  const bater = await (await mp.request.get('/api/v1/me/member')).json();
  expect(bater.name).toBe('巴特尔');
  const course = await api.post('/learning/courses', {
    title: `E2E 微课 ${tag}`,
    orgId: zoneId,
    lessons: [{ contentId: article.id, title: `E2E 课时 ${tag}`, requiredMinutes: 0.5 }],
  });
  await api.post('/learning/plans', {
    title: `E2E 学习计划 ${tag}`,
    courseId: course.id,
    orgId: zoneId,
    startsOn: today,
    dueOn: today,
    targetMemberIds: [bater.id],
  });

  await mp.goto('/m/learning/record');
  const before = await lessonsCompleted(mp);

  // 学习: the planned lesson, studied while the page is in use until it counts as done.
  await mp.goto('/m/learning');
  await mp
    .getByTestId('lesson-item')
    .filter({ hasText: `E2E 课时 ${tag}` })
    .click();
  await expect(mp.getByTestId('study-time')).toBeVisible();
  const done = mp.getByTestId('lesson-completed');
  // Heartbeats count only while the member is using the page: keep touching it as a reader would.
  for (let i = 0; i < 30 && !(await done.isVisible()); i++) {
    await mp.mouse.move(100 + (i % 5) * 20, 300 + (i % 3) * 40);
    await mp.mouse.wheel(0, i % 2 ? 120 : -120);
    await mp.waitForTimeout(4_000);
  }
  await expect(done).toHaveText(/已完成/);

  await mp.goto('/m/learning/record');
  await expect.poll(() => lessonsCompleted(mp)).toBe(before + 1);
  await expect(mp.getByText(today, { exact: true })).toBeVisible();

  // 考试测验: the demo quiz, answered right, autosaved, submitted.
  await mp.goto('/m/exams');
  const card = mp.getByRole('region', { name: '党的基本知识小测验' });
  await card.getByRole('button', { name: /开始答题|继续答题/ }).click();
  await expect(mp.getByRole('timer')).toBeVisible();
  await mp.getByRole('radio', { name: 'B. 民主集中制' }).click();
  await mp.getByRole('button', { name: '下一题' }).click();
  await mp.getByRole('radio', { name: 'C. 一年' }).click();
  await mp.getByRole('button', { name: '下一题' }).click();
  await mp.getByRole('radio', { name: '对' }).click();
  await mp.getByRole('button', { name: '下一题' }).click();
  await mp.getByRole('radio', { name: '错' }).click();
  await mp.getByRole('button', { name: '下一题' }).click();
  await mp.getByRole('textbox', { name: '第 1 空' }).fill('共产主义');
  // A reload on the way (a lost connection) keeps the attempt and its saved answers.
  await mp.getByRole('button', { name: '上一题' }).click();
  await mp.reload();
  await expect(mp.getByRole('timer')).toBeVisible();
  await mp.getByRole('button', { name: '交卷' }).click();
  await mp.getByRole('dialog').getByRole('button', { name: '交卷' }).click();
  await expect(mp.getByText('合格', { exact: true })).toBeVisible();
  await expect(mp.getByText(/5\s*\/\s*5/)).toBeVisible();

  // The month's automatic points are booked (as the nightly run does); the member sees both entries with their rule.
  await api.post('/points/run-grants', { period: today.slice(0, 7) });
  await mp.goto('/m/points');
  const entries = mp.getByRole('region', { name: '积分明细' });
  await expect(entries.getByText('参加集中学习培训').first()).toBeVisible();
  await expect(entries.getByText('应知应会测试合格').first()).toBeVisible();
  await phone.close();
});

test('[LEARNING] an admin writes an article in the editor; what is saved keeps the formatting and loses injected script', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const title = `E2E 学习资料 ${Date.now().toString(36)}`;
  await page.goto('/login');
  await page.getByLabel('用户名', { exact: true }).fill('admin');
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto('/learning/contents');
  await page.getByRole('button', { name: /新建资料/ }).click();
  await page.getByLabel('标题', { exact: true }).fill(title);
  const body = page.getByRole('textbox', { name: /^正文/ });
  await body.click();
  await page.keyboard.type('党员的八项义务');
  await page.getByRole('button', { name: '加粗' }).click();
  await page.keyboard.type('（重点）');
  // An author pasting HTML with a script and an event handler into the source view.
  await page.getByRole('button', { name: 'HTML 源码' }).click();
  const source = page.locator('.re-rte textarea');
  await source.fill(`${await source.inputValue()}<p onclick="alert(1)">第二段</p><script>alert(2)</script>`);
  await page.getByRole('button', { name: 'HTML 源码' }).click();
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('保存后的内容（党员看到的样子）')).toBeVisible();
  const saved = page.locator('.lrn-article').last();
  await expect(saved.locator('b, strong').filter({ hasText: '（重点）' })).toBeVisible();
  await expect(saved.getByText('第二段')).toBeVisible();
  await expect(saved.locator('script, [onclick]')).toHaveCount(0);
});
