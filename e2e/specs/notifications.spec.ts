import { expect, request, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../fixtures/accounts';
import { adminApi, phoneLogin } from '../fixtures/api';

test('[NOTIFY] the admin plans a meeting with 巴特尔; on the phone he sees the message, opens the meeting, and it is read', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const admin = await adminApi(baseURL!);
  // The member record linked to the `member` account (the zone has more than one 巴特尔).
  const self = await request.newContext({ baseURL });
  await self.post('/api/v1/auth/login', { data: { username: 'member', password: DEMO_PASSWORD } });
  const bateer = (await (await self.get('/api/v1/me/member')).json()) as { id: string; orgId: string };
  await self.dispose();

  const startsAt = new Date(Date.now() + 2 * 86_400_000);
  const title = `支部党员大会 E2E-${Date.now().toString(36)}`;
  const meeting = await admin.post('/meetings', {
    orgId: bateer.orgId,
    title,
    typeCodes: ['general_meeting'],
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 90 * 60_000).toISOString(),
    location: '洗煤厂三楼党员活动室',
    participants: { memberIds: [bateer.id] },
  });

  const phone = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const m = await phone.newPage();
  await phoneLogin(m);

  // The bell on the home page carries the unread count; the meeting is among the to-dos too.
  const bell = m.getByRole('button', { name: /^消息（\d+ 条未读）$/ });
  await expect(bell).toBeVisible();
  await expect(m.getByRole('region', { name: '待办事项' }).getByText(title)).toBeVisible();
  await bell.click();

  await expect(m).toHaveURL(/\/m\/messages$/);
  const item = m.getByRole('button').filter({ hasText: title });
  await expect(item).toContainText('活动通知');
  await expect(item).toContainText('洗煤厂三楼党员活动室');
  await expect(item.getByLabel('未读')).toBeVisible();
  await item.click();

  // The message opens the meeting itself.
  await expect(m).toHaveURL(new RegExp(`/m/meetings/${meeting.id}$`));
  await expect(m.getByText(title)).toBeVisible();

  // Back in 消息 the message is read (no dot) and 未读 no longer lists it.
  await m.goBack();
  await expect(m).toHaveURL(/\/m\/messages$/);
  await expect(m.getByRole('button').filter({ hasText: title }).getByLabel('未读')).toHaveCount(0);
  await m.getByRole('tab', { name: /未读/ }).click();
  await expect(m.getByRole('button').filter({ hasText: title })).toHaveCount(0);
  await phone.close();
});
