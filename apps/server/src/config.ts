import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
  HOST: z.preprocess(emptyToUndefined, z.string().min(1).optional()),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().min(1).default('./data')),
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
  ),
  SESSION_SECRET: z.preprocess(emptyToUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
  DATA_KEY: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (32 bytes)')
      .optional(),
  ),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  SESSION_TTL_HOURS: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 90)
      .default(12),
  ),
  MFA_REQUIRED_FOR_ADMINS: z.preprocess(emptyToUndefined, z.enum(['true', 'false']).default('false')),
  TRUST_PROXY: z.preprocess(emptyToUndefined, z.enum(['true', 'false']).default('false')),
  /** The address phones reach the server at (for check-in QR codes), e.g. https://dj.example.gov.cn; else the request's. */
  PUBLIC_URL: z.preprocess(emptyToUndefined, z.url().optional()),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1).max(1_000_000).default(300),
  ),
  WRITE_RATE_LIMIT_PER_MINUTE: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1).max(1_000_000).default(300),
  ),
  BODY_LIMIT_BYTES: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number()
      .int()
      .min(1024)
      .max(100 * 1024 * 1024)
      .default(1024 * 1024),
  ),
  /** Largest uploaded file (import workbooks, recruitment materials, meeting photos). */
  UPLOAD_LIMIT_BYTES: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number()
      .int()
      .min(1024)
      .max(1024 * 1024 * 1024)
      .default(50 * 1024 * 1024),
  ),
  /** How much history the demo zone gets on first start: a year (the default) or the last two months (faster). */
  DEMO_HISTORY: z.preprocess(emptyToUndefined, z.enum(['year', 'recent']).default('year')),
});

export type Mode = 'demo' | 'serve' | 'cli';

export type Config = {
  mode: Mode;
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  host: string;
  dataDir: string;
  db: { kind: 'pglite'; dir: string } | { kind: 'postgresql'; url: string };
  sessionSecret: string;
  dataKey: Buffer;
  logLevel: string;
  sessionTtlHours: number;
  mfaRequiredForAdmins: boolean;
  trustProxy: boolean;
  publicUrl: string | undefined;
  bodyLimit: number;
  uploadLimit: number;
  /** Per client address for login, per user for writes; brute force is stopped per account by the login policy. */
  rateLimits: { loginPerMinute: number; writesPerMinute: number };
  webDistDir: string | null;
  version: string;
  demoHistory: 'year' | 'recent';
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** A key generated once into DATA_DIR, so a demo needs no setup yet survives restarts. */
function readOrCreateKey(dataDir: string, file: string, bytes: number): string {
  const path = join(dataDir, file);
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(bytes).toString('hex');
  writeFileSync(path, `${key}\n`, { mode: 0o600 });
  return key;
}

export function loadConfig(
  env: NodeJS.ProcessEnv,
  mode: Mode,
  extras: { version?: string; webDistDir?: string | null } = {},
): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const generateSecrets = mode !== 'serve' || e.NODE_ENV !== 'production';
  if (!generateSecrets && !e.SESSION_SECRET) problems.push('SESSION_SECRET: required when serving in production');
  if (!generateSecrets && !e.DATA_KEY) problems.push('DATA_KEY: required when serving in production');
  if (problems.length) throw new ConfigError(problems);
  const dataDir = resolve(e.DATA_DIR);
  const sessionSecret = e.SESSION_SECRET ?? readOrCreateKey(dataDir, 'session-secret.key', 32);
  const dataKeyHex = e.DATA_KEY ?? readOrCreateKey(dataDir, 'data.key', 32);
  return {
    mode,
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST ?? (mode === 'serve' ? '0.0.0.0' : '127.0.0.1'),
    dataDir,
    db: e.DATABASE_URL ? { kind: 'postgresql', url: e.DATABASE_URL } : { kind: 'pglite', dir: join(dataDir, 'pglite') },
    sessionSecret,
    dataKey: Buffer.from(dataKeyHex, 'hex'),
    logLevel: e.LOG_LEVEL,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    mfaRequiredForAdmins: e.MFA_REQUIRED_FOR_ADMINS === 'true',
    trustProxy: e.TRUST_PROXY === 'true',
    publicUrl: e.PUBLIC_URL,
    bodyLimit: e.BODY_LIMIT_BYTES,
    uploadLimit: e.UPLOAD_LIMIT_BYTES,
    rateLimits: { loginPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE, writesPerMinute: e.WRITE_RATE_LIMIT_PER_MINUTE },
    webDistDir: extras.webDistDir ?? null,
    version: extras.version ?? '0.0.0',
    demoHistory: e.DEMO_HISTORY,
  };
}
