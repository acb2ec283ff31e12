import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../fixtures/accounts';
import { adminApi, phoneLogin } from '../fixtures/api';

test('[COMPETITION] a member waits in the lobby, answers on the phone; the organizer sees results and flags', async ({
  browser,
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const api = await adminApi(baseURL!);
  const tree = await api.get('/orgs/tree');
  const rootId = (Array.isArray(tree) ? tree[0] : tree).id as string;
  const banks = await api.get('/question-banks?pageSize=100');
  const bank = banks.data.find((b: { name: string }) => b.name === '知识竞赛题库（示例）');
  const title = `E2E 竞赛 ${Date.now().toString(36)}`;
  const startsAt = new Date(Date.now() + 20_000);
  const c = await api.post('/competitions', {
    orgId: rootId,
    title,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
    bankIds: [bank.id],
    drawRules: [{ count: 3 }],
    audienceOrgIds: [rootId],
  });
  await api.post(`/competitions/${c.id}/schedule`, {});

  // The member enters the lobby before the start; the first question comes when the server's clock says so.
  const phone = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true });
  const mp = await phone.newPage();
  await phoneLogin(mp);
  await mp.goto('/m/competitions');
  await mp.locator('.m-cmp-card').filter({ hasText: title }).getByRole('button', { name: '进入候场' }).click();
  await expect(mp.getByText('距开赛还有')).toBeVisible();
  for (let i = 1; i <= 3; i++) {
    await expect(mp.getByText(`第 ${i} / 3 题`)).toBeVisible({ timeout: 40_000 });
    const option = mp.locator('.m-cmp-option').first();
    if (await option.count()) {
      await option.click();
      await mp.getByRole('button', { name: '提交' }).click();
    } else await mp.getByRole('button', { name: '正确' }).click();
  }
  await expect(mp.getByText('已完成全部题目')).toBeVisible();
  await mp.getByRole('button', { name: '查看成绩' }).click();
  await expect(mp.getByText(/我的名次：第 1 名（共 1 人）/)).toBeVisible();

  // The organizer opens the results: the member is there, and the demo's finished competition shows its flags.
  await page.goto('/login');
  await page.getByLabel('用户名', { exact: true }).fill('admin');
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto(`/competitions/${c.id}`);
  await expect(page.getByRole('cell', { name: '巴特尔' })).toBeVisible();
  await page.goto('/competitions');
  await page.getByText('“学党章 守党规”知识竞赛').click();
  await expect(page.getByText(/作答过快 ×\d+/).first()).toBeVisible();
  await phone.close();
});
