import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const tmp = () => mkdtempSync(join(tmpdir(), 're-config-'));

describe('loadConfig', () => {
  it('uses the embedded database and generates keys into DATA_DIR in demo mode', () => {
    const dir = tmp();
    const c = loadConfig({ DATA_DIR: dir }, 'demo');
    expect(c.db).toEqual({ kind: 'pglite', dir: join(dir, 'pglite') });
    expect(c.host).toBe('127.0.0.1');
    expect(c.port).toBe(3000);
    expect(c.demoHistory).toBe('year');
    expect(loadConfig({ DATA_DIR: dir, DEMO_HISTORY: 'recent' }, 'demo').demoHistory).toBe('recent');
    expect(c.dataKey.length).toBe(32);
    expect(readFileSync(join(dir, 'data.key'), 'utf8').trim()).toBe(c.dataKey.toString('hex'));
    expect(loadConfig({ DATA_DIR: dir }, 'demo').dataKey.equals(c.dataKey)).toBe(true);
  });

  it('selects PostgreSQL when DATABASE_URL is set and binds all interfaces for serve', () => {
    const c = loadConfig({ DATA_DIR: tmp(), DATABASE_URL: 'postgres://u@h:5432/db' }, 'serve');
    expect(c.db).toEqual({ kind: 'postgresql', url: 'postgres://u@h:5432/db' });
    expect(c.host).toBe('0.0.0.0');
  });

  it('lists every problem at once', () => {
    try {
      loadConfig(
        { PORT: 'abc', DATABASE_URL: 'mysql://x', DATA_KEY: 'short', LOG_LEVEL: 'loud', DEMO_HISTORY: 'decade' },
        'demo',
      );
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'DATABASE_URL', 'DATA_KEY', 'LOG_LEVEL', 'DEMO_HISTORY'])
        expect(problems).toContain(name);
    }
  });

  it('requires SESSION_SECRET and DATA_KEY to serve in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: tmp() }, 'serve')).toThrow(
      /SESSION_SECRET[\s\S]*DATA_KEY/,
    );
  });
});
