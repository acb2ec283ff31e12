import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from './data-dir-lock.js';

const lockPath = () => join(mkdtempSync(join(tmpdir(), 're-lock-')), 'pglite.lock');

describe('lockDataDir', () => {
  it('holds the directory for this process and releases it', () => {
    const file = lockPath();
    const unlock = lockDataDir(file);
    expect(readFileSync(file, 'utf8')).toBe(String(process.pid));
    expect(() => lockDataDir(file)).toThrow(DataDirInUseError);
    unlock();
    expect(existsSync(file)).toBe(false);
    lockDataDir(file)();
  });

  it('refuses a directory held by another live process, naming it', () => {
    const file = lockPath();
    writeFileSync(file, String(process.ppid));
    expect(() => lockDataDir(file)).toThrow(new RegExp(`in use by process ${process.ppid}`));
  });

  it('takes over a lock left by a process that has died (kill -9)', () => {
    const file = lockPath();
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
    writeFileSync(file, String(dead));
    const unlock = lockDataDir(file);
    expect(readFileSync(file, 'utf8')).toBe(String(process.pid));
    unlock();
  });
});
