import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../src/test-support/test-app.js';

describe('rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ rateLimits: { loginPerMinute: 3, writesPerMinute: 2 } });
  });
  afterAll(async () => t.close());

  it('limits login attempts per client and says so', async () => {
    const attempt = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'nobody', password: 'x' },
        headers: { 'accept-language': 'en-US' },
      });
    for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect(limited.json().error.message).toMatch(/slow down/);
    expect(limited.headers['retry-after']).toBeDefined();
  });

  it('limits writes per user', async () => {
    const admin = await createTestApp({ rateLimits: { loginPerMinute: 100, writesPerMinute: 2 } });
    try {
      const s = await admin.login('admin');
      const write = () =>
        admin.request(s, { method: 'PATCH', url: '/api/v1/account/preferences', payload: { locale: 'zh-CN' } });
      expect((await write()).statusCode).toBe(200);
      expect((await write()).statusCode).toBe(200);
      const res = await write();
      expect(res.statusCode).toBe(429);
      expect(res.json().error.code).toBe('RATE_LIMITED');
    } finally {
      await admin.close();
    }
  });
});
