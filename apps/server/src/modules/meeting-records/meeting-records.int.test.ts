import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectErrorShape, loadOrgs, type OrgRef } from '../../../test/support/fixtures.js';
import { insertMeeting, multipart, OFFICE, sampleImage } from '../../../test/support/meeting-records.js';
import { queryRows } from '../../db/rows.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';

const MIB = 1024 * 1024;

describe('meeting records', () => {
  let t: TestApp;
  let dataDir: string;
  let admin: Session;
  let secretary: Session;
  let leader: Session;
  let member: Session;
  let orgs: Record<'branchA' | 'branchB', OrgRef>;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 're-meeting-records-'));
    t = await createTestApp({ members: false, config: { dataDir } });
    admin = await t.login('admin');
    secretary = await t.login('secretary');
    leader = await t.login('leader');
    member = await t.login('member');
    orgs = await loadOrgs(t, admin);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const meetingIn = (org: OrgRef, opts?: Parameters<typeof insertMeeting>[2]) =>
    insertMeeting(t.database.db, org, opts);
  const upload = (
    s: Session,
    meetingId: string,
    kind: string,
    file: { name: string; bytes: Buffer } | null,
    extra: Record<string, string> = {},
  ) => {
    const body = multipart({ kind, ...extra }, file);
    return t.request(s, {
      method: 'POST',
      url: `/api/v1/meetings/${meetingId}/files`,
      payload: body.payload,
      headers: body.headers,
    });
  };
  const put = (s: Session, meetingId: string, payload: object) =>
    t.request(s, { method: 'PUT', url: `/api/v1/meetings/${meetingId}/minutes`, payload });
  const get = (s: Session, url: string, headers: Record<string, string> = {}) =>
    t.request(s, { method: 'GET', url: `/api/v1${url}`, headers });
  const post = (s: Session, url: string, payload: object = {}) =>
    t.request(s, { method: 'POST', url: `/api/v1${url}`, payload });
  const events = (meetingId: string) =>
    queryRows<{ action: string; before: unknown; after: Record<string, unknown> | null }>(
      t.database.db,
      sql`select action, before, after from audit_events where entity = 'meeting' and entity_id = ${meetingId} order by seq`,
    );
  const blobPath = (sha: string) => join(dataDir, 'files', sha.slice(0, 2), sha.slice(2, 4), sha);

  describe('minutes', () => {
    it('are written, read back and audited; unchanged minutes leave no event', async () => {
      const id = await meetingIn(orgs.branchA);
      const res = await put(secretary, id, { minutes: '  一、学习党章\n二、讨论发展对象  ' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        minutes: '一、学习党章\n二、讨论发展对象',
        status: 'planned',
        archiveBlockers: [],
      });
      expect((await get(leader, `/meetings/${id}/records`)).json().minutes).toBe('一、学习党章\n二、讨论发展对象');
      expect((await put(secretary, id, { minutes: '一、学习党章\n二、讨论发展对象' })).statusCode).toBe(200);
      const ev = await events(id);
      expect(ev.map((e) => e.action)).toEqual(['meeting.minutes_updated']);
      expect(ev[0]!.after).toEqual({ minutes: '一、学习党章\n二、讨论发展对象' });
    });

    it('refuses minutes over the length limit and on a cancelled meeting', async () => {
      const id = await meetingIn(orgs.branchA);
      expectErrorShape(await put(secretary, id, { minutes: 'x'.repeat(50_001) }), 400, 'VALIDATION_FAILED');
      const cancelled = await meetingIn(orgs.branchA, { status: 'cancelled' });
      expectErrorShape(await put(secretary, cancelled, { minutes: '纪要' }), 409, 'CONFLICT');
    });
  });

  describe('files', () => {
    it('stores a photo once by content, with a WebP thumbnail of at most 320 px', async () => {
      const id = await meetingIn(orgs.branchA);
      const other = await meetingIn(orgs.branchA);
      const jpeg = await sampleImage('jpeg', 1600, 900, 1);
      const res = await upload(secretary, id, 'photo', { name: '合影.jpg', bytes: jpeg });
      expect(res.statusCode, res.body).toBe(201);
      const photo = res.json();
      expect(photo).toMatchObject({ kind: 'photo', name: '合影.jpg', mime: 'image/jpeg', size: jpeg.length });
      expect(photo.hasThumbnail).toBe(true);
      expect(existsSync(blobPath(photo.sha256))).toBe(true);

      const thumb = await get(leader, `/meeting-files/${photo.id}/thumbnail`);
      expect(thumb.statusCode).toBe(200);
      expect(thumb.headers['content-type']).toBe('image/webp');
      const meta = await sharp(thumb.rawPayload).metadata();
      expect(meta.format).toBe('webp');
      expect(Math.max(meta.width!, meta.height!)).toBe(320);
      expect(meta.width).toBe(320);

      const file = await get(leader, `/meeting-files/${photo.id}`);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('image/jpeg');
      expect(file.headers['content-disposition']).toContain("filename*=UTF-8''%E5%90%88%E5%BD%B1.jpg");
      expect(Buffer.compare(file.rawPayload, jpeg)).toBe(0);
      const etag = String(file.headers.etag);
      expect(etag).toBe(`"${photo.sha256}"`);
      expect((await get(leader, `/meeting-files/${photo.id}`, { 'if-none-match': etag })).statusCode).toBe(304);

      // The same bytes again: the same file for the same meeting (200), a new row elsewhere, one blob on disk.
      const again = await upload(secretary, id, 'photo', { name: 'copy.jpg', bytes: jpeg });
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json().id).toBe(photo.id);
      const elsewhere = await upload(secretary, other, 'photo', { name: 'copy.jpg', bytes: jpeg });
      expect(elsewhere.statusCode).toBe(201);
      expect(elsewhere.json().sha256).toBe(photo.sha256);
      expect(elsewhere.json().id).not.toBe(photo.id);
      const dir = join(dataDir, 'files', photo.sha256.slice(0, 2), photo.sha256.slice(2, 4));
      expect(readdirSync(dir).filter((f) => f.startsWith(photo.sha256.slice(0, 8)))).toEqual([photo.sha256]);
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

      const added = (await events(id)).filter((e) => e.action === 'meeting.file_added');
      expect(added).toHaveLength(1);
      expect(added[0]!.after).toMatchObject({
        sha256: photo.sha256,
        thumbSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    });

    it('takes png and webp photos and the office attachments, recognised by content', async () => {
      const id = await meetingIn(orgs.branchA);
      const cases: [string, string, Buffer, string][] = [
        ['photo', 'a.png', await sampleImage('png', 300, 500, 2), 'image/png'],
        ['photo', 'b.webp', await sampleImage('webp', 640, 480, 3), 'image/webp'],
        ['attachment', '会议议程.pdf', Buffer.from('%PDF-1.7\n1 0 obj\n%%EOF\n'), 'application/pdf'],
        [
          'attachment',
          '发言稿.docx',
          OFFICE.docx(),
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        ],
        [
          'attachment',
          '签到表.xlsx',
          OFFICE.xlsx(),
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        ],
        [
          'attachment',
          '课件.pptx',
          OFFICE.pptx(),
          'application/vnd.openxmlformats-officedocument.presentationml.presentation',
        ],
        ['attachment', '扫描件.png', await sampleImage('png', 100, 100, 4), 'image/png'],
      ];
      for (const [kind, name, bytes, mime] of cases) {
        const res = await upload(secretary, id, kind, { name, bytes });
        expect(res.statusCode, `${name}: ${res.body}`).toBe(201);
        expect(res.json()).toMatchObject({ kind, name, mime });
      }
      const small = (await get(leader, `/meetings/${id}/files?kind=photo`)).json();
      expect(small.map((f: { name: string }) => f.name)).toEqual(['a.png', 'b.webp']);
      // Smaller than 320 px: the thumbnail is not enlarged.
      const thumb = await get(leader, `/meeting-files/${small[0].id}/thumbnail`);
      expect((await sharp(thumb.rawPayload).metadata()).height).toBe(320);
      const all = (await get(leader, `/meetings/${id}/files`)).json();
      expect(all).toHaveLength(cases.length);
      const pdf = all.find((f: { name: string }) => f.name === '会议议程.pdf');
      expect(pdf.hasThumbnail).toBe(false);
      expectErrorShape(await get(leader, `/meeting-files/${pdf.id}/thumbnail`), 404, 'NOT_FOUND');
      const counts = (await get(leader, `/meetings/${id}/records`)).json().counts;
      expect(counts).toEqual({ photos: 2, attachments: 5, amendments: 0 });
    });

    it('gives a file without an extension the one of its content', async () => {
      const id = await meetingIn(orgs.branchA);
      const res = await upload(secretary, id, 'photo', { name: 'blob', bytes: await sampleImage('jpeg', 50, 50, 5) });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().name).toBe('blob.jpg');
    });

    it('keeps only a safe file name', async () => {
      const id = await meetingIn(orgs.branchA);
      const pdf = (n: number) => Buffer.from(`%PDF-1.4 name ${n}\n`);
      const names: [string, string][] = [
        ['../../etc/passwd.pdf', 'passwd.pdf'],
        ['C:\\Users\\张三\\会议纪要.pdf', '会议纪要.pdf'],
        ['a<b>c|d?.pdf', 'abcd.pdf'],
        [`${'长'.repeat(300)}.pdf`, `${'长'.repeat(196)}.pdf`],
      ];
      for (const [i, [raw, clean]] of names.entries()) {
        const res = await upload(secretary, id, 'attachment', { name: raw, bytes: pdf(i) });
        expect(res.statusCode, res.body).toBe(201);
        expect(res.json().name).toBe(clean);
      }
    });

    it('refuses wrong types, mismatched names, empty, oversized and unreadable files', async () => {
      const id = await meetingIn(orgs.branchA);
      const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
      const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
      const brokenJpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
      const refusals: [string, string, Buffer, number, string][] = [
        ['photo', 'a.pdf', pdf, 415, 'UNSUPPORTED_MEDIA_TYPE'],
        ['photo', 'a.pptx', OFFICE.pptx(), 415, 'UNSUPPORTED_MEDIA_TYPE'],
        ['attachment', 'a.gif', gif, 415, 'UNSUPPORTED_MEDIA_TYPE'],
        ['attachment', 'a.webp', await sampleImage('webp', 20, 20), 415, 'UNSUPPORTED_MEDIA_TYPE'],
        ['attachment', 'a.html', Buffer.from('<html><script>alert(1)</script>'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
        ['attachment', 'a.zip', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]), 415, 'UNSUPPORTED_MEDIA_TYPE'],
        ['attachment', 'looks.pdf', await sampleImage('png', 20, 20), 415, 'UNSUPPORTED_MEDIA_TYPE'],
        ['photo', 'broken.jpg', brokenJpeg, 415, 'UNSUPPORTED_MEDIA_TYPE'],
        ['photo', 'empty.jpg', Buffer.alloc(0), 400, 'VALIDATION_FAILED'],
        [
          'photo',
          'big.jpg',
          Buffer.concat([await sampleImage('jpeg', 10, 10), Buffer.alloc(10 * MIB)]),
          413,
          'PAYLOAD_TOO_LARGE',
        ],
        ['attachment', 'big.pdf', Buffer.concat([pdf, Buffer.alloc(20 * MIB)]), 413, 'PAYLOAD_TOO_LARGE'],
      ];
      for (const [kind, name, bytes, status, code] of refusals) {
        const res = await upload(secretary, id, kind, { name, bytes });
        expectErrorShape(res, status, code);
      }
      const blankKind = await upload(secretary, id, '', { name: 'a.pdf', bytes: pdf });
      expectErrorShape(blankKind, 400, 'VALIDATION_FAILED');
      const noKind = await upload(secretary, id, 'video', { name: 'a.pdf', bytes: pdf });
      expect(expectErrorShape(noKind, 400, 'VALIDATION_FAILED').details).toEqual([
        { path: 'body.kind', message: expect.any(String) },
      ]);
      expectErrorShape(await upload(secretary, id, 'attachment', null), 400, 'VALIDATION_FAILED');
      const json = await t.request(secretary, { method: 'POST', url: `/api/v1/meetings/${id}/files`, payload: {} });
      expectErrorShape(json, 415, 'UNSUPPORTED_MEDIA_TYPE');
      // An image that is only an attachment may be unreadable: it is kept, without a thumbnail.
      const att = await upload(secretary, id, 'attachment', { name: 'scan.jpg', bytes: brokenJpeg });
      expect(att.statusCode, att.body).toBe(201);
      expect(att.json().hasThumbnail).toBe(false);
      expect((await get(leader, `/meetings/${id}/records`)).json().counts).toMatchObject({ photos: 0, attachments: 1 });
      expect((await events(id)).map((e) => e.action)).toEqual(['meeting.file_added']);
    });

    it('removes a file softly: out of the list, still stored and downloadable, refused twice', async () => {
      const id = await meetingIn(orgs.branchA);
      const bytes = await sampleImage('jpeg', 400, 300, 9);
      const photo = (await upload(secretary, id, 'photo', { name: 'x.jpg', bytes })).json();
      expectErrorShape(await post(secretary, `/meeting-files/${photo.id}/remove`, {}), 400, 'VALIDATION_FAILED');
      const res = await post(secretary, `/meeting-files/${photo.id}/remove`, { reason: '拍摄对象不当' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ removedReason: '拍摄对象不当', removedAt: expect.any(String) });
      expectErrorShape(await post(secretary, `/meeting-files/${photo.id}/remove`, { reason: '再次' }), 409, 'CONFLICT');
      expect((await get(leader, `/meetings/${id}/files`)).json()).toEqual([]);
      expect((await get(leader, `/meetings/${id}/files?includeRemoved=true`)).json()).toHaveLength(1);
      expect(existsSync(blobPath(photo.sha256))).toBe(true);
      expect((await get(leader, `/meeting-files/${photo.id}`)).statusCode).toBe(200);
      const removed = (await events(id)).find((e) => e.action === 'meeting.file_removed')!;
      expect(removed.after).toMatchObject({ sha256: photo.sha256, removedReason: '拍摄对象不当' });
      // Uploading the same bytes again after removal records them anew.
      expect((await upload(secretary, id, 'photo', { name: 'x.jpg', bytes })).statusCode).toBe(201);
    });
  });

  describe('archive and amendments', () => {
    it('archives only an ended meeting with minutes, and only once', async () => {
      const future = await meetingIn(orgs.branchA, { endsAt: new Date(Date.now() + 3_600_000), minutes: '纪要' });
      const blocked = await post(secretary, `/meetings/${future}/archive`);
      expect(expectErrorShape(blocked, 409, 'CONFLICT').details).toEqual({ blockers: ['not_ended'] });
      const noMinutes = await meetingIn(orgs.branchA);
      expect((await get(secretary, `/meetings/${noMinutes}/records`)).json().archiveBlockers).toEqual(['no_minutes']);
      expect(expectErrorShape(await post(secretary, `/meetings/${noMinutes}/archive`), 409).details).toEqual({
        blockers: ['no_minutes'],
      });
      const cancelled = await meetingIn(orgs.branchA, { status: 'cancelled', minutes: '纪要' });
      expect(expectErrorShape(await post(secretary, `/meetings/${cancelled}/archive`), 409).details).toEqual({
        blockers: ['cancelled'],
      });
      expect((await events(future)).length + (await events(noMinutes)).length).toBe(0);

      const id = await meetingIn(orgs.branchA, { minutes: '会议纪要全文' });
      const photo = (
        await upload(secretary, id, 'photo', { name: 'p.jpg', bytes: await sampleImage('jpeg', 64, 64, 11) })
      ).json();
      const res = await post(secretary, `/meetings/${id}/archive`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        status: 'archived',
        archivedAt: expect.any(String),
        archivedByName: expect.any(String),
        archiveBlockers: ['archived'],
      });
      expect(expectErrorShape(await post(secretary, `/meetings/${id}/archive`), 409).details).toEqual({
        blockers: ['archived'],
      });
      const archived = (await events(id)).find((e) => e.action === 'meeting.archived')!;
      expect(archived.after).toMatchObject({
        status: 'archived',
        minutesSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        files: [{ id: photo.id, kind: 'photo', sha256: photo.sha256 }],
      });
    });

    it('archives once when two requests race', async () => {
      const id = await meetingIn(orgs.branchA, { minutes: '并发归档' });
      const results = await Promise.all([1, 2, 3].map(() => post(secretary, `/meetings/${id}/archive`)));
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
      expect((await events(id)).map((e) => e.action)).toEqual(['meeting.archived']);
    });

    it('after archiving, every change needs a reason and becomes an amendment', async () => {
      const id = await meetingIn(orgs.branchA, { minutes: '原纪要' });
      const kept = (
        await upload(secretary, id, 'attachment', { name: '议程.pdf', bytes: Buffer.from('%PDF-1.4 a\n') })
      ).json();
      expect((await post(secretary, `/meetings/${id}/archive`)).statusCode).toBe(200);

      const noReason = await put(secretary, id, { minutes: '改后的纪要' });
      expect(expectErrorShape(noReason, 400, 'VALIDATION_FAILED').details).toEqual([
        { path: 'body.reason', message: expect.stringContaining('更正原因') },
      ]);
      expectErrorShape(await put(secretary, id, { minutes: '', reason: '清空' }), 400, 'VALIDATION_FAILED');
      const amended = await put(secretary, id, { minutes: '改后的纪要', reason: '记录人笔误' });
      expect(amended.statusCode, amended.body).toBe(200);
      expect(amended.json()).toMatchObject({ minutes: '改后的纪要', status: 'archived' });

      const pdf = Buffer.from('%PDF-1.4 supplement\n');
      expectErrorShape(
        await upload(secretary, id, 'attachment', { name: '补充.pdf', bytes: pdf }),
        400,
        'VALIDATION_FAILED',
      );
      const added = await upload(
        secretary,
        id,
        'attachment',
        { name: '补充.pdf', bytes: pdf },
        { reason: '补交签到表' },
      );
      expect(added.statusCode, added.body).toBe(201);
      const removed = await post(secretary, `/meeting-files/${kept.id}/remove`, { reason: '上传错误' });
      expect(removed.statusCode).toBe(200);

      const list = (await get(leader, `/meetings/${id}/amendments`)).json();
      expect(list).toHaveLength(3);
      expect(list[0]).toMatchObject({ field: 'minutes', before: '原纪要', after: '改后的纪要', reason: '记录人笔误' });
      expect(list[0].byName).toEqual(expect.any(String));
      expect(list[1]).toMatchObject({
        field: 'files',
        before: null,
        after: { fileId: added.json().id, name: '补充.pdf', sha256: added.json().sha256 },
        reason: '补交签到表',
      });
      expect(list[2]).toMatchObject({ field: 'files', before: { fileId: kept.id, sha256: kept.sha256 }, after: null });
      expect((await get(leader, `/meetings/${id}/records`)).json().counts.amendments).toBe(3);

      const actions = (await events(id)).map((e) => e.action);
      expect(actions).toEqual([
        'meeting.file_added',
        'meeting.archived',
        'meeting.minutes_updated',
        'meeting.amended',
        'meeting.file_added',
        'meeting.amended',
        'meeting.file_removed',
        'meeting.amended',
      ]);
      const amendEvents = (await events(id)).filter((e) => e.action === 'meeting.amended');
      expect(amendEvents[1]!.after).toMatchObject({
        field: 'files',
        reason: '补交签到表',
        sha256: added.json().sha256,
      });
    });
  });

  describe('scope and permissions', () => {
    it('answers 404 for a meeting or file outside the caller’s scope, 403 without the permission', async () => {
      const foreign = await meetingIn(orgs.branchB, { minutes: '外单位纪要' });
      const photo = (
        await upload(admin, foreign, 'photo', { name: 'f.jpg', bytes: await sampleImage('jpeg', 30, 30, 13) })
      ).json();
      const asSecretary = [
        await get(secretary, `/meetings/${foreign}/records`),
        await get(secretary, `/meetings/${foreign}/files`),
        await get(secretary, `/meetings/${foreign}/amendments`),
        await put(secretary, foreign, { minutes: '改' }),
        await upload(secretary, foreign, 'photo', { name: 'g.jpg', bytes: await sampleImage('jpeg', 30, 30, 14) }),
        await post(secretary, `/meetings/${foreign}/archive`),
        await get(secretary, `/meeting-files/${photo.id}`),
        await get(secretary, `/meeting-files/${photo.id}/thumbnail`),
        await post(secretary, `/meeting-files/${photo.id}/remove`, { reason: '越权' }),
      ];
      for (const res of asSecretary) expectErrorShape(res, 404, 'NOT_FOUND');
      // The leader reads the whole zone but writes nothing; a member holds neither permission.
      expect((await get(leader, `/meeting-files/${photo.id}`)).statusCode).toBe(200);
      expectErrorShape(await put(leader, foreign, { minutes: '改' }), 403, 'FORBIDDEN');
      expectErrorShape(await get(member, `/meetings/${foreign}/files`), 403, 'FORBIDDEN');
      const ev = await events(foreign);
      expect(ev.map((e) => e.action)).toEqual(['meeting.file_added']);
    });
  });
});
