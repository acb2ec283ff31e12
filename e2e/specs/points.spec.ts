import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../fixtures/accounts';
import { phoneLogin } from '../fixtures/api';
import { pickOrg } from '../fixtures/pickers';

const ZONE = '中共鄂托克经济开发区工作委员会';

test('[POINTS] the admin publishes the month’s points; a member objects on the phone; the admin answers; the member sees the answer', async ({
  browser,
  page,
}) => {
  test.setTimeout(120_000);
  // This month in Beijing, as the pages name it.
  const [y, m] = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7).split('-').map(Number) as [
    number,
    number,
  ];
  const period = `${y}年${m}月`;
  const objectionText = `本月主题党日我按时参加了，但积分里没有看到 E2E-${Date.now().toString(36)}`;
  const answerText = '经核实，当天签到记录已补录，下次自动计分时将计入，请留意。';

  // The zone admin publishes this month's points for the whole zone.
  await page.goto('/login');
  await page.getByLabel('用户名', { exact: true }).fill('admin');
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto('/points?tab=publications');
  await expect(page.getByRole('heading', { name: '党员积分' })).toBeVisible();
  await page.getByRole('button', { name: '发布公示' }).click();
  const publish = page.getByRole('dialog', { name: '发布公示' });
  await pickOrg(page, publish, '公示范围', ZONE);
  await publish.getByRole('button', { name: '发布公示' }).click();
  await expect(page.getByText(/已公示，异议截止 \d{4}-\d{2}-\d{2}/)).toBeVisible();
  const published = page.getByRole('row').filter({ hasText: period }).filter({ hasText: ZONE }).first();
  await expect(published.getByText('异议期内')).toBeVisible();

  // The member sees the publication on the phone and objects within the window.
  const phone = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const mp = await phone.newPage();
  await phoneLogin(mp);
  await mp.getByText('我的', { exact: true }).click();
  await mp.getByText('积分公示与异议', { exact: true }).click();
  await expect(mp).toHaveURL(/\/m\/points\/objections$/);
  const card = mp.getByRole('article', { name: `${period}积分公示` }).first();
  await expect(card.getByText(/异议截止/)).toBeVisible();
  await card.getByRole('button', { name: '提出异议' }).click();
  await mp.getByPlaceholder('请说明哪里与实际不符，以及您掌握的情况').fill(objectionText);
  await mp.getByRole('button', { name: /提\s*交/ }).click();
  await expect(mp.getByText('异议已提交，党组织答复后会在这里显示')).toBeVisible();
  const mine = mp.getByRole('article', { name: objectionText });
  await expect(mine.getByText('等待答复')).toBeVisible();

  // The admin finds it among the objections waiting and answers it.
  await page.reload();
  const row = page.getByRole('row').filter({ hasText: objectionText });
  await expect(row.getByText('巴特尔')).toBeVisible();
  await row.getByRole('button', { name: '答复', exact: true }).click();
  const answer = page.getByRole('dialog', { name: '答复异议' });
  await expect(answer.getByText(objectionText)).toBeVisible();
  await answer.getByLabel('答复', { exact: true }).fill(answerText);
  await answer.getByRole('button', { name: '答复', exact: true }).click();
  await expect(page.locator('.ant-message').getByText('已答复')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: objectionText })).toHaveCount(0);

  // The member sees the answer.
  await mp.reload();
  const answered = mp.getByRole('article', { name: objectionText });
  await expect(answered.getByText(answerText)).toBeVisible();
  await expect(answered.getByText('维持原积分')).toBeVisible();
  await expect(answered.getByText(/王建华 · \d{4}-\d{2}-\d{2}/)).toBeVisible();

  // 我的积分: the total with every entry's rule and source, and no one else's name.
  await mp.goto('/m/points');
  await expect(mp.getByTestId('my-points-total')).toHaveText(/^-?\d+$/);
  await expect(mp.getByText(/在本支部处于/)).toBeVisible();
  await expect(mp.getByText('基础分').first()).toBeVisible();
  await phone.close();
});
