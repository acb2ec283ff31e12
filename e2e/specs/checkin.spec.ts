import { expect, request, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../fixtures/accounts';
import { adminApi, phoneLogin } from '../fixtures/api';

test('[CHECKIN] the organizer projects the rotating code; a member checks in on the phone and the board counts them', async ({
  browser,
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const admin = await adminApi(baseURL!);
  // The member record linked to the `member` account (the zone has more than one 巴特尔).
  const self = await request.newContext({ baseURL });
  await self.post('/api/v1/auth/login', { data: { username: 'member', password: DEMO_PASSWORD } });
  const bateer = (await (await self.get('/api/v1/me/member')).json()) as { orgId: string };
  await self.dispose();
  const startsAt = new Date(Date.now() + 5 * 60_000);
  const title = `主题党日 E2E-${Date.now().toString(36)}`;
  const meeting = await admin.post('/meetings', {
    orgId: bateer.orgId,
    title,
    typeCodes: ['theme_day'],
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 90 * 60_000).toISOString(),
    participants: { orgIds: [bateer.orgId] },
  });

  // The organizer's projector page: the code and the live counts.
  await page.goto('/login');
  await page.getByLabel('用户名', { exact: true }).fill('admin');
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto(`/meetings/${meeting.id}/projector`);
  await expect(page.getByText(title)).toBeVisible();
  await expect(page.getByLabel('签到二维码')).toBeVisible();
  const present = page.getByLabel('实到');
  await expect(present).toHaveText(/^\s*0\s*$/);
  await expect(page.getByLabel('应到')).toHaveText(String(meeting.counts.expected));

  // The phone opens the link the code carries (what the camera app does) and checks in.
  const { url } = await admin.get(`/meetings/${meeting.id}/room-code`);
  const phone = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const m = await phone.newPage();
  await phoneLogin(m);
  await m.goto(new URL(url).pathname + new URL(url).search);
  await expect(m.getByRole('heading', { name: /签到成功/ })).toBeVisible();

  // The projector counts them without a reload.
  await expect(present).toHaveText(/^\s*1\s*$/, { timeout: 15_000 });
  await expect(page.getByText('巴特尔')).toBeVisible();

  // Reopening the same link repeats the same request (its nonce is kept): the same success, nothing new.
  await m.reload();
  await expect(m.getByRole('heading', { name: /签到成功/ })).toBeVisible();
  // A new scan (a new nonce) says when and how, rather than counting twice.
  await m.evaluate(() => sessionStorage.clear());
  const again = await admin.get(`/meetings/${meeting.id}/room-code`);
  await m.goto(new URL(again.url).pathname + new URL(again.url).search);
  await expect(m.getByText(/已于 \d\d:\d\d 通过扫描现场二维码签到/)).toBeVisible();
  await expect(present).toHaveText(/^\s*1\s*$/);
  await phone.close();
});
