import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../fixtures/accounts';
import { pickOrg } from '../fixtures/pickers';

test('[ORG] an admin sees overdue terms, moves a branch after the preview and finds it in the history', async ({
  page,
}) => {
  await page.goto('/login');
  await page.getByLabel('用户名', { exact: true }).fill('admin');
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  // 换届提醒: the demo zone has organizations whose term has run out.
  await page.getByRole('menuitem', { name: '换届提醒' }).click();
  const overdueRow = page.getByRole('row').filter({ has: page.locator('.ant-tag', { hasText: '已超期' }) });
  await expect(overdueRow.first()).toBeVisible();
  await expect(overdueRow.first()).toContainText(/超期 \d+ 天/);
  // Clicking through opens the organization's committee.
  await overdueRow.first().locator('a').first().click();
  await expect(page).toHaveURL(/\/orgs\?org=.+&tab=committee/);
  await expect(page.getByText('本届班子')).toBeVisible();
  await expect(page.locator('.ant-descriptions').getByText('已超期')).toBeVisible();

  // 组织管理: move 宏达物流公司党支部 (directly under the work committee) under 星光集团党委.
  await page.getByRole('menuitem', { name: '组织管理' }).click();
  await page.locator('.re-org-tree').getByText('宏达物流公司党支部', { exact: true }).click();
  await expect(page.locator('.ant-card-head').getByText('宏达物流公司党支部')).toBeVisible();
  await page.getByRole('button', { name: /组织调整/ }).click();
  await page.getByRole('menuitem', { name: '迁移' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('迁移组织：宏达物流公司党支部')).toBeVisible();
  await pickOrg(page, dialog, '新的上级组织', '中共星光集团委员会');
  await dialog.getByRole('button', { name: /预\s*览/ }).click();

  // The preview says what will change before anything does.
  await expect(dialog.getByText('组织路径变化')).toBeVisible();
  await expect(dialog.getByText('目标组织')).toBeVisible();
  await expect(dialog.locator('.re-path-change').first()).toContainText('中共星光集团委员会');
  await dialog.getByRole('button', { name: '确认迁移' }).click();
  await expect(page.getByText('「宏达物流公司党支部」迁移完成')).toBeVisible();

  // 历史沿革 shows the move, with the new parent.
  await expect(page.getByRole('tab', { name: '历史沿革', selected: true })).toBeVisible();
  await expect(page.locator('.re-history').getByText('迁移组织').first()).toBeVisible();
  await expect(page.locator('.re-history').getByText('迁移至：中共星光集团委员会')).toBeVisible();
});
