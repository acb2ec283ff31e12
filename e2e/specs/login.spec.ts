import { expect, test } from '@playwright/test';
import { DEMO_LOGINS, DEMO_PASSWORD, TEXT } from '../fixtures/accounts';

test.describe.configure({ mode: 'parallel' });

test('[FOUNDATION] the server answers /healthz on the embedded database', async ({ request }) => {
  const res = await request.get('/healthz');
  expect(res.ok()).toBe(true);
  expect(await res.json()).toMatchObject({ status: 'ok', db: 'pglite' });
});

for (const locale of ['zh-CN', 'en-US'] as const) {
  const text = TEXT[locale];
  for (const account of DEMO_LOGINS) {
    test(`[LOGIN] ${account.username} logs in on the ${account.surface} in ${locale}`, async ({ browser }) => {
      const context = await browser.newContext({
        locale,
        ...(account.surface === 'h5' ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {}),
      });
      // The language a person picked before logging in (remembered by the browser).
      await context.addInitScript((l) => window.localStorage.setItem('re.locale', l), locale);
      const page = await context.newPage();
      await page.goto(account.surface === 'h5' ? '/m/login' : '/login');
      // The H5 form marks required fields with an asterisk inside the label.
      await page.getByLabel(new RegExp(`^${text.username}`)).fill(account.username);
      await page.getByLabel(new RegExp(`^${text.password}`)).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: text.login, exact: true }).click();
      if (account.surface === 'console') {
        await expect(page).toHaveURL(/\/dashboard$/);
        await expect(page.getByRole('menuitem', { name: text.workbench })).toBeVisible();
      } else {
        await expect(page.getByText(text.mine, { exact: true })).toBeVisible();
        await expect(page.getByText(text.home, { exact: true }).first()).toBeVisible();
      }
      await expect(page.getByText(text.greeting).first()).toBeVisible();
      await expect(page.getByText(account.displayName).first()).toBeVisible();
      await context.close();
    });
  }
}

test('[LOGIN] a wrong password shows a clear message and the account locks after repeated failures', async ({
  page,
}) => {
  await page.goto('/login');
  await page.getByLabel('用户名', { exact: true }).fill('leader');
  for (let i = 0; i < 4; i++) {
    await page.getByLabel('密码', { exact: true }).fill('wrong-password');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('用户名或密码错误');
  }
  await page.getByLabel('密码', { exact: true }).fill('wrong-password');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('用户名或密码错误');
  await page.getByLabel('密码', { exact: true }).fill('wrong-password');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('秒后再试');
});
