import { expect, type Page, request, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../fixtures/accounts';
import { adminApi, phoneLogin } from '../fixtures/api';
import { pickOrg } from '../fixtures/pickers';

const CENTER = '开发区党群活动中心';
const ROOT = '中共鄂托克经济开发区工作委员会';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A Beijing calendar date (YYYY-MM-DD) `days` after today's in Beijing. */
const beijingDate = (days: number) => new Date(Date.now() + 8 * HOUR + days * DAY).toISOString().slice(0, 10);
/** The instant of a Beijing wall-clock time on a date. */
const beijing = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`).toISOString();
/** Monday of the Beijing week holding the date. */
function mondayOf(date: string) {
  const d = new Date(`${date}T00:00:00Z`);
  return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY).toISOString().slice(0, 10);
}
const plusDays = (date: string, n: number) =>
  new Date(new Date(`${date}T00:00:00Z`).getTime() + n * DAY).toISOString().slice(0, 10);
const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

async function consoleLogin(page: Page) {
  await page.goto('/login');
  await page.getByLabel('用户名', { exact: true }).fill('admin');
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

test('[VENUE-CALENDAR] the admin reads a center’s bookings by month and week and plans a meeting in a free slot', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const admin = await adminApi(baseURL!);
  const venue = (await admin.get(`/venues?keyword=${encodeURIComponent(CENTER)}`)).data.find(
    (v: { name: string }) => v.name === CENTER,
  ) as { id: string };
  const root = (await admin.get(`/orgs?keyword=${encodeURIComponent(ROOT)}`)).data.find(
    (o: { name: string }) => o.name === ROOT,
  ) as { id: string };

  // A week well ahead, and a Tuesday morning there that is free (the demo plans meetings too).
  let monday = mondayOf(beijingDate(21));
  const free = async (date: string, from: string, to: string) =>
    (
      await admin.get(
        `/meetings/venue-availability?venueId=${venue.id}&startsAt=${encodeURIComponent(beijing(date, from))}&endsAt=${encodeURIComponent(beijing(date, to))}`,
      )
    ).length === 0;
  while (!((await free(plusDays(monday, 1), '09:00', '11:00')) && (await free(plusDays(monday, 2), '14:00', '16:00'))))
    monday = plusDays(monday, 7);
  const tuesday = plusDays(monday, 1);
  const wednesday = plusDays(monday, 2);
  const tag = Date.now().toString(36);
  const booked = `阵地预约 E2E-${tag}`;
  await admin.post('/meetings', {
    orgId: root.id,
    title: booked,
    typeCodes: ['party_lecture'],
    startsAt: beijing(tuesday, '09:00'),
    endsAt: beijing(tuesday, '11:00'),
    venueId: venue.id,
    participants: { orgIds: [root.id] },
  });

  await consoleLogin(page);
  // The venues list links each venue to its calendar.
  await page.goto('/venues');
  await page
    .getByRole('row', { name: new RegExp(CENTER) })
    .getByRole('button', { name: /预约日历/ })
    .click();
  await expect(page).toHaveURL(new RegExp(`/venues/calendar/${venue.id}$`));
  await expect(page.getByRole('heading', { name: '阵地预约日历' })).toBeVisible();

  // Month view of the booking's month: the booking with its time.
  await page.goto(`/venues/calendar/${venue.id}?date=${tuesday}`);
  const dayCell = page.locator(`.re-vc-day[data-date="${tuesday}"]`);
  await expect(dayCell.getByRole('button', { name: new RegExp(`09:00\\s*${booked}`) })).toBeVisible();

  // Week view: the booking is a block on Tuesday; a free Wednesday afternoon slot opens the plan drawer.
  await page.locator('.ant-segmented').getByText('周', { exact: true }).click();
  await expect(page).toHaveURL(/view=week/);
  await expect(page.locator(`.re-vc-day-col[data-date="${tuesday}"] .re-vc-block`, { hasText: booked })).toContainText(
    '09:00–11:00',
  );
  await page.getByRole('button', { name: `在 ${monthDay(wednesday)} 14:00 计划活动` }).click();
  const drawer = page.getByRole('dialog', { name: '新建活动' });
  await expect(drawer).toBeVisible();
  await expect(
    drawer.locator('.ant-form-item').filter({ has: page.getByRole('combobox', { name: '活动阵地' }) }),
  ).toContainText(CENTER);
  await expect(drawer.getByLabel('开始时间', { exact: true })).toHaveValue(`${wednesday} 14:00`);
  await expect(drawer.getByLabel('结束时间', { exact: true })).toHaveValue(`${wednesday} 16:00`);
  await expect(drawer.getByText('该时段阵地空闲，可以预约')).toBeVisible();

  const planned = `理论学习中心组 E2E-${tag}`;
  await pickOrg(page, drawer, '组织单位', ROOT);
  await drawer.getByLabel('活动主题', { exact: true }).fill(planned);
  // The type list loads after the drawer opens: choose until the field shows the choice (a click on a list that
  // is still rendering can be lost).
  const typeField = drawer.locator('.ant-form-item').filter({ has: page.getByRole('combobox', { name: '活动类型' }) });
  await expect(async () => {
    await drawer.getByLabel('活动类型', { exact: true }).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '学习/讲座' })
      .first()
      .click({ timeout: 3_000 });
    await expect(typeField.locator('.ant-select-selection-item')).toContainText('学习/讲座', { timeout: 3_000 });
  }).toPass({ timeout: 15_000 });
  await page.keyboard.press('Escape');
  const participants = drawer.locator('.re-participants');
  await participants.getByLabel('组织全体党员', { exact: true }).click();
  await page
    .locator('.ant-tree-select-dropdown:visible .ant-select-tree-node-content-wrapper')
    .filter({ hasText: ROOT })
    .first()
    .click();
  await page.keyboard.press('Escape');
  await expect(participants.getByTitle(ROOT).first()).toBeVisible();
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await expect(drawer).toBeHidden();

  // The new meeting is on the calendar, where it was planned.
  const block = page.locator(`.re-vc-day-col[data-date="${wednesday}"] .re-vc-block`, { hasText: planned });
  await expect(block).toContainText('14:00–16:00');
  // A booking opens its meeting.
  await block.click();
  await expect(page).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/);
  await expect(page.getByText(planned).first()).toBeVisible();
  await admin.ctx.dispose();
});

test('[VENUE-CALENDAR] H5 pages show Beijing time in a browser set to UTC', async ({ browser, baseURL }) => {
  const admin = await adminApi(baseURL!);
  const self = await request.newContext({ baseURL });
  await self.post('/api/v1/auth/login', { data: { username: 'member', password: DEMO_PASSWORD } });
  const bateer = (await (await self.get('/api/v1/me/member')).json()) as { orgId: string };
  await self.dispose();
  // 01:30–02:30 UTC is 09:30–10:30 in Beijing.
  const date = beijingDate(2);
  const title = `时区 E2E-${Date.now().toString(36)}`;
  const meeting = await admin.post('/meetings', {
    orgId: bateer.orgId,
    title,
    typeCodes: ['study'],
    startsAt: `${date}T01:30:00Z`,
    endsAt: `${date}T02:30:00Z`,
    participants: { orgIds: [bateer.orgId] },
  });

  const phone = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'UTC',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const m = await phone.newPage();
  expect(await m.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('UTC');
  await phoneLogin(m);
  await m.goto(`/m/meetings/${meeting.id}`);
  await expect(m.getByText(title).first()).toBeVisible();
  await expect(m.getByText(/09:30–10:30/)).toBeVisible();
  await expect(m.getByText(/01:30/)).toHaveCount(0);
  await phone.close();
  await admin.ctx.dispose();
});
