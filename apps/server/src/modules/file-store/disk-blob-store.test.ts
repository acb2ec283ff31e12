import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBlob, sha256Of } from './blob-store.js';
import { createDiskBlobStore } from './disk-blob-store.js';

const root = mkdtempSync(join(tmpdir(), 're-blobs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('disk blob store', () => {
  const store = createDiskBlobStore(root);

  it('keeps bytes under <root>/ab/cd/<sha256>, once', async () => {
    const bytes = Buffer.from('会议照片 bytes');
    const sha = sha256Of(bytes);
    expect(await store.has(sha)).toBe(false);
    expect(await store.get(sha)).toBeNull();
    expect(await store.put(bytes)).toEqual({ sha256: sha, size: bytes.length, created: true });
    const path = join(root, sha.slice(0, 2), sha.slice(2, 4), sha);
    expect(readFileSync(path)).toEqual(bytes);
    const mtime = statSync(path).mtimeMs;
    expect(await store.put(Buffer.from(bytes))).toEqual({ sha256: sha, size: bytes.length, created: false });
    expect(statSync(path).mtimeMs).toBe(mtime);
    expect(await store.has(sha)).toBe(true);
    expect(await readBlob(store, sha)).toEqual(bytes);
    expect((await store.get(sha))?.size).toBe(bytes.length);
  });

  it('survives concurrent puts of the same content and leaves no temporary files', async () => {
    const bytes = Buffer.alloc(256 * 1024, 3);
    const results = await Promise.all(Array.from({ length: 8 }, () => store.put(bytes)));
    const sha = sha256Of(bytes);
    expect(new Set(results.map((r) => r.sha256))).toEqual(new Set([sha]));
    const dir = join(root, sha.slice(0, 2), sha.slice(2, 4));
    expect(readdirSync(dir)).toEqual([sha]);
    expect(await readBlob(store, sha)).toEqual(bytes);
  });

  it('replaces a damaged (short) file with the full bytes', async () => {
    const bytes = Buffer.from('complete content');
    const { sha256 } = await store.put(bytes);
    writeFileSync(join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256), 'cut');
    expect((await store.put(bytes)).created).toBe(true);
    expect(await readBlob(store, sha256)).toEqual(bytes);
  });

  it('never turns a name that is not a SHA-256 into a path', async () => {
    for (const name of ['../../etc/passwd', '', 'ABCDEF'.padEnd(64, '0'), `${'a'.repeat(63)}/`, 'a'.repeat(65)]) {
      expect(await store.has(name)).toBe(false);
      expect(await store.get(name)).toBeNull();
    }
    expect(existsSync(join(root, '..', 'etc'))).toBe(false);
  });

  it('stores an empty blob too', async () => {
    const r = await store.put(new Uint8Array());
    expect(r.size).toBe(0);
    expect(await readBlob(store, r.sha256)).toEqual(Buffer.alloc(0));
  });
});
