import { expect, type Locator, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../fixtures/accounts';
import { pickMember, pickOrg } from '../fixtures/pickers';

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

async function login(page: Page, username: string) {
  await page.goto('/login');
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

/** Approves every step of the open transfer (the zone admin may act for each organization on the chain). */
async function approveAll(page: Page, drawer: Locator) {
  const approve = drawer.getByRole('button', { name: '审批通过' });
  const approvedSteps = drawer.getByText('已通过', { exact: true });
  for (let i = 0; i < 6 && (await approve.isVisible()); i++) {
    const before = await approvedSteps.count();
    await approve.click();
    const modal = page.getByRole('dialog').filter({ hasText: '审批意见' });
    await expect(modal.getByLabel('审批意见')).toBeEditable();
    await modal.getByRole('button', { name: /提\s*交/ }).click();
    await expect(modal).toBeHidden({ timeout: 30_000 });
    // Wait for the drawer to show this step approved, or the loop may see the old button and click it again.
    await expect(approvedSteps).toHaveCount(before + 1);
  }
  await expect(drawer.getByText('已完成').first()).toBeVisible();
}

test('[TRANSFERS] an admin moves a member inside the zone, sends one out with a letter and receipt, revokes one, and reads the warnings', async ({
  page,
}) => {
  // One long story through several pages and accounts; two workers share 2 cores in CI.
  test.setTimeout(150_000);
  await login(page, 'admin');
  await page.getByRole('menuitem', { name: '组织关系转接' }).click();
  await expect(page).toHaveURL(/\/transfers/);
  const drawer = page.locator('.ant-drawer').filter({ visible: true });
  // A retry runs on what the failed attempt left behind: it takes other people.
  const retry = test.info().retry;

  // Within the zone: 开发区物流协会党支部 sits right under the working committee.
  await page.getByRole('button', { name: '发起转接' }).click();
  let dialog = page.getByRole('dialog').filter({ hasText: '发起组织关系转接' });
  const moved = await pickMember(page, dialog, '刘', { skip: retry, avoid: '开发区物流协会党支部' });
  await pickOrg(page, dialog, '转入党支部', '开发区物流协会党支部');
  await dialog.getByLabel('转接原因').fill('工作调动，调入物流协会');
  await dialog.getByRole('button', { name: /提\s*交/ }).click();
  await expect(page.getByText('转接申请已提交')).toBeVisible();
  await expect(drawer.getByText(`组织关系转接 · ${moved}`)).toBeVisible();
  await expect(drawer.getByText('审批流程')).toBeVisible();
  await approveAll(page, drawer);
  await drawer.locator('.ant-drawer-close').click();
  await expect(page.getByText('审批流程')).toBeHidden();

  // Out of the zone: after the approvals a numbered letter is issued; print it, then record the receipt.
  await page.getByRole('button', { name: '发起转接' }).click();
  dialog = page.getByRole('dialog').filter({ hasText: '发起组织关系转接' });
  const leaving = await pickMember(page, dialog, '张', { skip: retry });
  await dialog.getByText('转出开发区').click();
  await dialog.getByLabel('转往党组织').fill('中共东胜区委组织部');
  await dialog.getByLabel('党费交至').click();
  await page.locator('.ant-picker-dropdown:visible .ant-picker-cell-in-view').first().click();
  await dialog.getByLabel('转接原因').fill('工作调动，调往东胜区');
  await dialog.getByRole('button', { name: /提\s*交/ }).click();
  await expect(drawer.getByText(`组织关系转接 · ${leaving}`)).toBeVisible();
  await approveAll(page, drawer);
  await expect(drawer.getByText('介绍信编号')).toBeVisible();
  const [letter] = await Promise.all([
    page.waitForEvent('popup'),
    drawer.getByRole('link', { name: /打印介绍信/ }).click(),
  ]);
  await expect(letter.locator('h1').first()).toContainText('中国共产党党员组织关系介绍信');
  await letter.close();
  await drawer.getByRole('button', { name: /登记回执/ }).click();
  const receipt = page.getByRole('dialog').filter({ hasText: '登记介绍信回执' });
  // Enter in the date field commits the date and submits the form.
  await receipt.getByLabel('回执日期').fill(today());
  await receipt.getByLabel('回执日期').press('Enter');
  await expect(page.getByText('回执已登记')).toBeVisible();
  await expect(drawer.getByText('回执日期')).toBeVisible();
  await drawer.locator('.ant-drawer-close').click();
  await expect(page.getByText('审批流程')).toBeHidden();

  // Revoked before anyone approved it.
  await page.getByRole('button', { name: '发起转接' }).click();
  dialog = page.getByRole('dialog').filter({ hasText: '发起组织关系转接' });
  const revoked = await pickMember(page, dialog, '李', { skip: retry + 1, avoid: '开发区商会党支部' });
  await pickOrg(page, dialog, '转入党支部', '开发区商会党支部');
  await dialog.getByLabel('转接原因').fill('申请有误');
  await dialog.getByRole('button', { name: /提\s*交/ }).click();
  await expect(drawer.getByText(`组织关系转接 · ${revoked}`)).toBeVisible();
  await drawer.getByRole('button', { name: /撤\s*销/ }).click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(page.getByText('已撤销').first()).toBeVisible();
  await expect(drawer.getByRole('button', { name: '审批通过' })).toBeHidden();
  await drawer.locator('.ant-drawer-close').click();
  await expect(page.getByText('审批流程')).toBeHidden();

  // 预警提醒: lost-contact and flowing members of the demo zone, with how long it has been.
  await page.getByRole('menuitem', { name: '预警提醒' }).click();
  await expect(page).toHaveURL(/\/member-warnings|\/warnings/);
  const rows = page.locator('.ant-table-row');
  await expect(rows.first()).toBeVisible();
  await expect(page.locator('.ant-table').getByText('失联').first()).toBeVisible();
  await expect(page.locator('.ant-table').getByText('流动').first()).toBeVisible();
  await expect(
    page
      .locator('.ant-table')
      .getByText(/\d+ 个月/)
      .first(),
  ).toBeVisible();
  // No warning dates back decades: nothing has been going on for more than two years.
  const months = await page
    .locator('.ant-table')
    .getByText(/^\d+ 个月$/)
    .allTextContents();
  expect(months.length).toBeGreaterThan(0);
  for (const m of months) expect(Number.parseInt(m, 10)).toBeLessThan(24);
});
