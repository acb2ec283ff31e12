import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../fixtures/accounts';

test('[AUDIT] an admin creates a branch, sees it in the audit log and verifies the chain', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('用户名', { exact: true }).fill('admin');
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.getByRole('menuitem', { name: '组织管理' }).click();
  await page.getByRole('button', { name: '新建下级组织' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('组织名称', { exact: true }).fill('端到端测试党支部');
  await dialog.getByRole('button', { name: /确\s*定|保\s*存|创\s*建/ }).click();
  await expect(page.getByText('端到端测试党支部').first()).toBeVisible();

  await page.getByRole('menuitem', { name: '审计日志' }).click();
  await expect(page.getByText('新建组织').first()).toBeVisible();
  await page.getByRole('button', { name: '校验审计链' }).click();
  await expect(page.getByText(/校验通过|完整/).first()).toBeVisible();
});
