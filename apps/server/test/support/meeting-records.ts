import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import type { Db } from '../../src/db/client.js';
import { meetings } from '../../src/db/schema/index.js';
import type { Session, TestApp } from '../../src/test-support/test-app.js';
import type { OrgRef } from './fixtures.js';

const HOUR = 3_600_000;

/**
 * A meeting row written straight into `meetings` (the meetings module plans them through its API; these tests need
 * only the columns the records module reads). By default it ended an hour ago.
 */
export async function insertMeeting(
  db: Db,
  org: Pick<OrgRef, 'id' | 'path'>,
  opts: { title?: string; endsAt?: Date; status?: 'planned' | 'cancelled' | 'archived'; minutes?: string | null } = {},
): Promise<string> {
  const id = crypto.randomUUID();
  const endsAt = opts.endsAt ?? new Date(Date.now() - HOUR);
  const startsAt = new Date(endsAt.getTime() - 2 * HOUR);
  await db.insert(meetings).values({
    id,
    orgId: org.id,
    orgPath: org.path,
    title: opts.title ?? '主题党日：学习党章',
    startsAt,
    endsAt,
    participantSpec: { orgIds: [org.id], groupIds: [], memberIds: [] },
    status: opts.status ?? 'planned',
    minutes: opts.minutes ?? null,
    checkinSecret: 'test-secret',
    checkinOpensAt: new Date(startsAt.getTime() - HOUR / 2),
    checkinClosesAt: endsAt,
    lateAfter: startsAt,
  });
  return id;
}

/** A real image of the given size, so thumbnails have something to decode. */
export async function sampleImage(format: 'jpeg' | 'png' | 'webp', width = 1200, height = 800, seed = 0) {
  return sharp({
    create: { width, height, channels: 3, background: { r: (seed * 37) % 256, g: 30 + (seed % 200), b: 60 } },
  })
    [format]()
    .toBuffer();
}

/** A minimal zip (stored entries) with the named parts: enough to look like a docx, xlsx or pptx. */
export function zipWith(names: string[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const data = Buffer.from(`<x>${name}</x>`);
    const n = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += local.length + n.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

export const OFFICE = {
  docx: () => zipWith(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']),
  xlsx: () => zipWith(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml']),
  pptx: () => zipWith(['[Content_Types].xml', '_rels/.rels', 'ppt/presentation.xml']),
};

/** A multipart/form-data body: the fields first, then one file part. */
export function multipart(fields: Record<string, string>, file: { name: string; bytes: Buffer } | null) {
  const boundary = `----re${Math.random().toString(36).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: application/octet-stream\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * Fixtures for the permission walk and the fuzz test: an ended meeting with minutes in each of two branches, each
 * with one photo (so the thumbnail route has something to serve).
 */
export async function setUpMeetingRecords(
  t: TestApp,
  admin: Session,
  orgs: { branchA: OrgRef; branchB: OrgRef },
): Promise<{ meetingA: string; meetingB: string; meetingFileA: string; meetingFileB: string }> {
  const withPhoto = async (org: OrgRef, seed: number) => {
    const meetingId = await insertMeeting(t.database.db, org, { title: '探针活动', minutes: '探针纪要' });
    const body = multipart(
      { kind: 'photo' },
      { name: `probe-${seed}.jpg`, bytes: await sampleImage('jpeg', 64, 48, seed) },
    );
    const res = await t.request(admin, {
      method: 'POST',
      url: `/api/v1/meetings/${meetingId}/files`,
      payload: body.payload,
      headers: body.headers,
    });
    if (res.statusCode !== 201) throw new Error(`meeting photo: ${res.statusCode} ${res.body}`);
    return { meetingId, fileId: res.json().id as string };
  };
  const a = await withPhoto(orgs.branchA, 101);
  const b = await withPhoto(orgs.branchB, 102);
  return { meetingA: a.meetingId, meetingB: b.meetingId, meetingFileA: a.fileId, meetingFileB: b.fileId };
}
