import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../fixtures/accounts';
import { pickOrg } from '../fixtures/pickers';

test('[MEMBERS] an admin finds a member by pinyin initials, transfers them to another branch and sees it in the history', async ({
  page,
}) => {
  await page.goto('/login');
  await page.getByLabel('用户名', { exact: true }).fill('admin');
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.getByRole('menuitem', { name: '党员管理' }).click();
  await expect(page).toHaveURL(/\/members/);
  await expect(page.getByText('党员总数')).toBeVisible();

  // 王建华 by the initials of his name.
  const keyword = page.getByLabel('关键词', { exact: true });
  await keyword.fill('wjh');
  await keyword.press('Enter');
  await page.getByRole('button', { name: '查看档案 王建华' }).first().click();

  await expect(page).toHaveURL(/\/members\/[0-9a-f-]{36}/);
  await expect(page.getByRole('heading', { name: '王建华' })).toBeVisible();
  await expect(page.getByText('历史沿革')).toBeVisible();

  await page.getByRole('button', { name: '登记变动' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('变动类型').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '组织关系转接（开发区内）' }).click();
  await pickOrg(page, dialog, '转入党支部', '开发区商会党支部');
  await dialog.getByRole('button', { name: /提\s*交/ }).click();

  await expect(page.getByText(/已登记「组织关系转接/)).toBeVisible();
  const history = page.locator('.re-history');
  await expect(history.getByText('组织关系转接（开发区内）').first()).toBeVisible();
  await expect(history.getByText('开发区商会党支部').first()).toBeVisible();
  await expect(page.locator('.re-member-header-org')).toContainText('开发区商会党支部');
});

test('[MEMBERS] a member opens 我的档案 on the phone', async ({ browser }) => {
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await page.goto('/m/login');
  await page.getByLabel(/^用户名/).fill('member');
  await page.getByLabel(/^密码/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByText('我的', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: '个人信息' }).click();
  await expect(page).toHaveURL(/\/m\/record$/);
  await expect(page.getByText('我的档案')).toBeVisible();
  await expect(page.locator('.m-profile-name')).toHaveText('巴特尔');
  await expect(page.getByText('所在党支部')).toBeVisible();
  await expect(page.getByText('入党日期')).toBeVisible();
  await expect(page.getByText('历史沿革')).toBeVisible();
  await context.close();
});
