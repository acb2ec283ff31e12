import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { DEMO_PASSWORD } from '../fixtures/accounts';

const BRANCH = '开发区商会党支部';

/** A valid 公民身份号码 (GB 11643 check character) for a birth date and a sequence (odd = male). */
function idNumber(birth: string, seq: number): string {
  const first17 = `110101${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11];
}

const PEOPLE = [
  { name: '图门巴雅尔', gender: '男', birth: '1988-03-04', seq: 611, ethnicity: '蒙古族' },
  { name: '其木格导入', gender: '女', birth: '1990-11-20', seq: 622, ethnicity: '火星族' },
  { name: '赵海川导入', gender: '男', birth: '1985-06-15', seq: 633, ethnicity: '汉族' },
];

test('[IMPORT] template, upload with one bad row, import the valid rows, see them; export downloads a workbook', async ({
  page,
}) => {
  await page.goto('/login');
  await page.getByLabel('用户名', { exact: true }).fill('admin');
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole('menuitem', { name: '党员管理' }).click();
  await expect(page).toHaveURL(/\/members/);

  // 1. Download the template from the wizard and fill it in as a secretary would.
  await page.getByRole('button', { name: '导入' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('导入党员信息')).toBeVisible();
  const [templateDownload] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByTestId('import-template').click(),
  ]);
  const work = mkdtempSync(join(tmpdir(), 're-e2e-import-'));
  const template = join(work, 'template.xlsx');
  await templateDownload.saveAs(template);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const ws = wb.worksheets[0]!;
  const keys = (ws.getRow(2).values as unknown[]).slice(1).map(String);
  PEOPLE.forEach((p, i) => {
    const values: Record<string, string> = {
      name: p.name,
      gender: p.gender,
      idNumber: idNumber(p.birth, p.seq),
      ethnicity: p.ethnicity,
      birthDate: p.birth,
      education: '大学本科',
      category: '正式党员',
      orgName: BRANCH,
      joinDate: '2012-07-01',
      fullMemberDate: '2013-07-01',
      jobCategory: '工人',
      phone: `1380000${String(4100 + i)}`,
    };
    const row = ws.getRow(3 + i);
    keys.forEach((k, c) => {
      if (values[k] !== undefined) row.getCell(c + 1).value = values[k];
    });
    row.commit();
  });
  const filled = join(work, 'members.xlsx');
  await wb.xlsx.writeFile(filled);

  // 2. Upload and check: the bad row is listed with its row, column and reason.
  await dialog.locator('input[type=file]').setInputFiles(filled);
  await expect(dialog.getByText('members.xlsx')).toBeVisible();
  await dialog.getByRole('button', { name: '开始预检' }).click();
  const errors = dialog.getByTestId('import-errors');
  await expect(errors).toBeVisible({ timeout: 30_000 });
  const bad = errors.locator('tbody tr');
  await expect(bad).toHaveCount(1);
  await expect(bad.first()).toContainText('4');
  await expect(bad.first()).toContainText('民族');
  await expect(bad.first()).toContainText('下拉列表');
  await expect(dialog.getByText('1 行有误')).toBeVisible();
  await expect(dialog.getByRole('button', { name: '全部导入' })).toBeDisabled();

  // 3. Import the valid rows only, explicitly confirmed; the result counts what was written.
  await dialog.getByRole('button', { name: '仅导入正确行' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '确定' }).click();
  await expect(dialog.getByText('导入完成')).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByText('新增 2 条，更新 0 条，无变化 0 条。')).toBeVisible();
  await dialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
  // The closed dialog gives focus back to its 导入 button when its animation ends; typing before that would let a
  // later Enter land on the button and open the wizard again.
  await expect(dialog).toHaveCount(0, { timeout: 15_000 });

  // 4. The imported members are on the list.
  const keyword = page.getByLabel('关键词', { exact: true });
  await keyword.fill('图门巴雅尔');
  await keyword.press('Enter');
  await expect(page.getByRole('button', { name: '查看档案 图门巴雅尔' })).toBeVisible();
  await keyword.fill('其木格导入');
  await page.getByRole('button', { name: 'search', exact: true }).click();
  await expect(page.locator('.ant-table .ant-empty')).toBeVisible({ timeout: 20_000 });

  // 5. Export downloads a workbook of the list (masked).
  const [exported] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-members').click()]);
  expect(exported.suggestedFilename()).toMatch(/\.xlsx$/);
  const out = join(work, 'export.xlsx');
  await exported.saveAs(out);
  expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(out);
  expect(back.worksheets[0]!.getRow(1).getCell(1).value).toBe('姓名');
});
