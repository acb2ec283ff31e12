import { expect, request, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../fixtures/accounts';
import { adminApi, phoneLogin } from '../fixtures/api';

test('[COMMUNITY] a member claims a community need on the phone and completes it; the community confirms the hours', async ({
  browser,
  page,
  baseURL,
}) => {
  const admin = await adminApi(baseURL!);
  const communities = (await admin.get('/community-service/communities')) as { id: string; name: string }[];
  const qpj = communities.find((c) => c.name === '棋盘井社区党支部')!;
  const title = `楼道杂物清理 E2E-${Date.now().toString(36)}`;
  await admin.post('/community-service/needs', {
    communityOrgId: qpj.id,
    title,
    category: 'environment',
    description: '清理 5 号楼楼道堆放的杂物',
    place: '棋盘井社区 5 号楼',
    startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    hours: 2,
    capacity: 4,
  });

  const phone = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const m = await phone.newPage();
  await phoneLogin(m);
  await m.getByRole('button', { name: '双报到' }).click();
  await expect(m).toHaveURL(/\/m\/community$/);
  await expect(m.getByText('棋盘井社区党支部')).toBeVisible();
  await expect(m.getByText(/年服务时长/)).toBeVisible();

  const card = m.getByRole('article', { name: title });
  await card.getByRole('button', { name: '我要接单' }).click();
  await m.getByRole('button', { name: '确定' }).click();
  await expect(card.getByText('已接单')).toBeVisible();

  await m.getByRole('tab', { name: '我的接单' }).click();
  const mine = m.getByRole('article', { name: title });
  await mine.getByRole('button', { name: '完成服务' }).click();
  await m.getByRole('button', { name: /提\s*交/ }).click();
  await expect(mine.getByText('待确认')).toBeVisible();
  await expect(mine.getByText('已填报 2 小时')).toBeVisible();

  // The community (here the zone admin) confirms the hours in the console.
  await page.goto('/login');
  await page.getByLabel('用户名', { exact: true }).fill('admin');
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole('menuitem', { name: '双报到' }).click();
  await expect(page).toHaveURL(/\/community-service/);
  await expect(page.getByText('待确认的服务')).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: title });
  await row.getByText('确认时长').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText(title)).toBeVisible();
  await dialog.getByRole('button', { name: '确认时长' }).click();
  await expect(page.getByText('已确认服务时长')).toBeVisible();

  await m.reload();
  await m.getByRole('tab', { name: '我的接单' }).click();
  await expect(m.getByRole('article', { name: title }).getByText('社区确认 2 小时')).toBeVisible();
  await phone.close();
  await admin.ctx.dispose();
});

test('[COMMUNITY] a member follows their own transfer (我的组织关系转接) on the phone', async ({
  browser,
  baseURL,
}) => {
  const admin = await adminApi(baseURL!);
  // The member record linked to the `member` account (the zone has more than one 巴特尔).
  const self = await request.newContext({ baseURL });
  await self.post('/api/v1/auth/login', { data: { username: 'member', password: DEMO_PASSWORD } });
  const bateer = (await (await self.get('/api/v1/me/member')).json()) as { id: string };
  await self.dispose();
  const orgs = await admin.get(`/orgs?keyword=${encodeURIComponent('星光集团焦化厂党支部')}`);
  const to = (orgs.data as { id: string; name: string }[]).find((o) => o.name === '星光集团焦化厂党支部')!;
  const transfer = await admin.post('/transfers', {
    kind: 'within_zone',
    memberId: bateer.id,
    toOrgId: to.id,
    reason: '岗位调整',
  });
  try {
    const phone = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const m = await phone.newPage();
    await phoneLogin(m);
    await m.getByText('我的', { exact: true }).click();
    await m.getByText('我的组织关系转接').click();
    await expect(m).toHaveURL(/\/m\/transfers$/);
    const pending = m.getByRole('region', { name: '待审批' });
    await expect(pending.getByText('星光集团焦化厂党支部')).toBeVisible();
    await expect(pending.getByText('中共星光集团委员会')).toBeVisible();
    await expect(pending.getByText('岗位调整', { exact: false }).first()).toBeVisible();
    // The earlier request the committee sent back stays on the page with its reason.
    await expect(m.getByText(/退回原因/)).toBeVisible();
    await phone.close();
  } finally {
    await admin.post(`/transfers/${transfer.id}/revoke`, { comment: 'e2e' });
    await admin.ctx.dispose();
  }
});
