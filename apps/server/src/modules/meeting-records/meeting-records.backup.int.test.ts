import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, fingerprint, freshDatabase, hasPostgres, isPristine } from '../../../test/support/databases.js';
import { loadOrgs } from '../../../test/support/fixtures.js';
import { insertMeeting, multipart, sampleImage } from '../../../test/support/meeting-records.js';
import { buildApp } from '../../app.js';
import { DEMO_PASSWORD } from '../../db/seed/demo-zone.js';
import { createTestApp, type TestApp, testConfig } from '../../test-support/test-app.js';
import { backupDatabase, RestoreError, restoreDatabase } from '../backup/backup.service.js';
import { blobStoreFor, readBlob } from '../file-store/index.js';

const work = mkdtempSync(join(tmpdir(), 're-meeting-backup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const dirOf = (name: string) => join(work, name);

describe('backup and restore of a meeting with a photo', () => {
  let t: TestApp;
  let file: string;
  const src = { meetingId: '', photo: { id: '', sha256: '' }, attachment: { id: '', sha256: '' } };
  let photoBytes: Buffer;
  let bigPdf: Buffer;

  beforeAll(async () => {
    t = await createTestApp({ members: false, config: { dataDir: dirOf('source') } });
    const admin = await t.login('admin');
    const { branchA } = await loadOrgs(t, admin);
    src.meetingId = await insertMeeting(t.database.db, branchA, { minutes: '备份测试纪要' });
    photoBytes = await sampleImage('jpeg', 900, 600, 21);
    // Larger than one backup line's part, so the file travels in several parts.
    bigPdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2 * 1024 * 1024 + 5, 0x41)]);
    for (const [kind, name, bytes] of [
      ['photo', '活动照片.jpg', photoBytes],
      ['attachment', '材料.pdf', bigPdf],
    ] as const) {
      const body = multipart({ kind }, { name, bytes });
      const res = await t.request(admin, {
        method: 'POST',
        url: `/api/v1/meetings/${src.meetingId}/files`,
        payload: body.payload,
        headers: body.headers,
      });
      expect(res.statusCode, res.body).toBe(201);
      src[kind] = res.json();
    }
    const archived = await t.request(admin, { method: 'POST', url: `/api/v1/meetings/${src.meetingId}/archive` });
    expect(archived.statusCode, archived.body).toBe(200);
    file = join(work, 'meetings.re-backup.gz');
    const result = await backupDatabase(t.database.db, file, { files: blobStoreFor(t.config) });
    expect(result.missingFiles).toEqual([]);
    expect(result.rows.meeting_files).toBe(2);
    // The photo, its thumbnail and the attachment.
    expect(result.rows.files).toBe(3);
  });
  afterAll(async () => t?.close());

  const targets: Backend[] = hasPostgres() ? ['pglite', 'postgresql'] : ['pglite'];
  it.each(targets)(
    'into %s: the rows and the files come back, the photo and its thumbnail download',
    async (backend) => {
      const target = await freshDatabase(backend);
      const dataDir = dirOf(`restored-${backend}`);
      try {
        const { rows } = await restoreDatabase(target.db, file, { files: blobStoreFor({ dataDir }) });
        expect(rows.files).toBe(3);
        expect(await fingerprint(target.db)).toEqual(await fingerprint(t.database.db));
        const store = blobStoreFor({ dataDir });
        expect(await readBlob(store, src.photo.sha256)).toEqual(photoBytes);
        expect(await readBlob(store, src.attachment.sha256)).toEqual(bigPdf);

        const app = await buildApp({ config: testConfig({ dataDir }), database: target, logger: false });
        try {
          const login = await app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { username: 'admin', password: DEMO_PASSWORD },
          });
          const headers = { cookie: `re_sid=${login.cookies.find((c) => c.name === 're_sid')!.value}` };
          const photo = await app.inject({ method: 'GET', url: `/api/v1/meeting-files/${src.photo.id}`, headers });
          expect(photo.statusCode).toBe(200);
          expect(Buffer.compare(photo.rawPayload, photoBytes)).toBe(0);
          const thumb = await app.inject({
            method: 'GET',
            url: `/api/v1/meeting-files/${src.photo.id}/thumbnail`,
            headers,
          });
          expect(thumb.statusCode).toBe(200);
          expect(thumb.headers['content-type']).toBe('image/webp');
          const records = await app.inject({
            method: 'GET',
            url: `/api/v1/meetings/${src.meetingId}/records`,
            headers,
          });
          expect(records.json()).toMatchObject({ status: 'archived', minutes: '备份测试纪要' });
        } finally {
          await app.close();
        }
      } finally {
        await target.close();
      }
    },
  );

  it('refuses a backup with files when no file store is given, and a damaged file, leaving the target empty', async () => {
    const target = await freshDatabase('pglite');
    try {
      const noStore = await restoreDatabase(target.db, file).catch((e: unknown) => e);
      expect(noStore).toBeInstanceOf(RestoreError);
      expect((noStore as Error).message).toMatch(/needs the file store/);

      const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
      const edit = (name: string, change: (l: string[]) => string[]) => {
        const out = join(work, name);
        writeFileSync(out, gzipSync(Buffer.from(change(lines).join('\n'))));
        return out;
      };
      const damaged = edit('flipped-blob.gz', (l) =>
        l.map((x) => {
          if (!x.startsWith('{"blob"')) return x;
          const doc = JSON.parse(x);
          if (doc.part !== 0 || doc.blob !== src.photo.sha256) return x;
          const bytes = Buffer.from(doc.data, 'base64');
          bytes[bytes.length - 10]! ^= 0xff;
          return JSON.stringify({ ...doc, data: bytes.toString('base64') });
        }),
      );
      const missingPart = edit('missing-part.gz', (l) =>
        l.filter((x) => !(x.startsWith('{"blob"') && x.includes('"part":1,'))),
      );
      const droppedBlob = edit('dropped-blob.gz', (l) => l.filter((x) => !x.includes(`"blob":"${src.photo.sha256}"`)));
      for (const [bad, reason] of [
        [damaged, /file [0-9a-f]{64} is damaged/],
        [missingPart, /is damaged|truncated/],
        [droppedBlob, /holds 2 files, its trailer says 3/],
      ] as const) {
        const err = await restoreDatabase(target.db, bad, { files: blobStoreFor({ dataDir: dirOf('damaged') }) }).catch(
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(RestoreError);
        expect((err as Error).message).toMatch(reason);
        const state = await isPristine(target.db);
        expect(state.pristine, JSON.stringify(state.detail)).toBe(true);
      }
    } finally {
      await target.close();
    }
  });

  it('reports a file the store has lost instead of failing the whole backup', async () => {
    const empty = dirOf('empty-store');
    const result = await backupDatabase(t.database.db, join(work, 'lost.gz'), {
      files: blobStoreFor({ dataDir: empty }),
    });
    expect(result.missingFiles.sort()).toContain(src.photo.sha256);
    expect(result.missingFiles).toHaveLength(3);
    expect(result.rows.files).toBe(0);
  });
});
