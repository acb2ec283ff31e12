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

test('[LOGIN] wrong passwords get a clear message, and repeated failures slow the account down', async ({
  page,
  request,
}) => {
  // An account of its own, so that locking it cannot disturb the demo accounts' login tests running alongside.
  const login = await request.post('/api/v1/auth/login', { data: { username: 'admin', password: DEMO_PASSWORD } });
  const csrf = ((await login.json()) as { me: { csrfToken: string } }).me.csrfToken;
  const root = ((await (await request.get('/api/v1/orgs/tree')).json()) as { id: string }[])[0]!;
  const username = `lock${Date.now().toString(36)}`;
  const created = await request.post('/api/v1/users', {
    headers: { 'x-csrf-token': csrf },
    data: { username, displayName: '锁定测试', password: 'Lock#Test2026', roles: [{ role: 'viewer', orgId: root.id }] },
  });
  expect(created.status()).toBe(201);

  await page.goto('/login');
  await page.getByLabel('用户名', { exact: true }).fill(username);
  const alert = page.getByRole('alert');
  const messages: string[] = [];
  // Four failures are free; from the fifth the server asks to wait, and at the tenth it locks the account.
  for (let attempt = 0; attempt < 12; attempt++) {
    // The previous answer must have settled the form before the next try (a loading button renames itself).
    await expect(page.locator('.ant-btn-loading')).toHaveCount(0);
    await page.getByLabel('密码', { exact: true }).fill('wrong-password');
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
    await page.getByLabel('密码', { exact: true }).press('Enter');
    const body = (await (await answered).json()) as { error: { message: string } };
    await expect(alert).toContainText(body.error.message);
    messages.push(body.error.message);
    if (/秒后再试|已锁定/.test(body.error.message)) break;
  }
  expect(messages[0]).toBe('用户名或密码错误');
  expect(messages.at(-1)).toMatch(/登录失败次数过多，请 \d+ 秒后再试|账号已锁定/);
});
