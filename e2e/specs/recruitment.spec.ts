import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../fixtures/accounts';

test('[RECRUITMENT] an admin opens the board, drills into a stage, opens a case and records the next step with a reason', async ({
  page,
}) => {
  await page.goto('/login');
  await page.getByLabel('用户名', { exact: true }).fill('admin');
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.getByRole('menuitem', { name: '发展党员' }).click();
  await expect(page).toHaveURL(/\/recruitment/);
  // The board: five stages with counts; the first has overdue applicants in the demo zone.
  const applicants = page.getByRole('button', { name: '入党申请人' });
  await expect(applicants).toContainText('超期');
  for (const stage of ['入党积极分子', '发展对象', '预备党员', '转正'])
    await expect(page.getByRole('button', { name: stage, exact: true })).toBeVisible();

  // Drill into stage 1 and keep the overdue ones: applicants whose talk is late.
  await applicants.click();
  await page.getByLabel('时限', { exact: true }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: '已超期' }).click();
  const rows = page.locator('.ant-table-row');
  await expect(rows.first()).toContainText('1. 递交入党申请书');
  await expect(rows.first()).toContainText('超期');
  const name = ((await rows.first().locator('td').first().textContent()) ?? '').trim();
  await rows.first().click();

  const drawer = page.locator('.ant-drawer');
  await expect(drawer.getByText(`${name} · 发展党员纪实`)).toBeVisible();
  await expect(drawer.locator('.re-recruit-step[data-step="2"]')).toContainText('超期');

  // Record step 2 (谈话): late, so the rules ask for a reason, then it is recorded with it.
  await drawer.getByRole('button', { name: /登记下一步：2\. 党组织派人谈话/ }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '步骤 2：党组织派人谈话' });
  await dialog.getByLabel('其他人员（不在本系统中的）').fill('支部组织委员 李强');
  await dialog.getByLabel('地点').fill('党员活动室');
  await dialog.getByRole('button', { name: /提\s*交/ }).click();

  const prompt = page.getByRole('dialog').filter({ hasText: '该步骤不符合时限或顺序要求' });
  await expect(prompt).toContainText('谈话应在递交申请后 1 个月内');
  await prompt.getByLabel('情况说明').fill('申请人外出培训，返回后即安排谈话');
  await prompt.getByRole('button', { name: '说明情况并登记' }).click();

  await expect(page.getByText('已登记“党组织派人谈话”')).toBeVisible();
  const step2 = drawer.locator('.re-recruit-step[data-step="2"]');
  await expect(step2).toHaveAttribute('data-recorded', 'true');
  await expect(step2).toContainText('支部组织委员 李强');
  await expect(step2).toContainText('情况说明：申请人外出培训，返回后即安排谈话');
  await expect(drawer.getByRole('button', { name: /登记下一步：3\. 推荐和确定入党积极分子/ })).toBeVisible();
});
