import { describe, expect, it } from 'vitest';
import { OFFICE, zipWith } from '../../../test/support/meeting-records.js';
import { archiveBlockers, checkMeetingFile, detectMeetingFileType, zipEntryNames } from './meeting-records.policy.js';

const bytes = (...head: number[]) => Buffer.from([...head, 0, 1, 2, 3]);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const WEBP = Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1');
const PDF = Buffer.from('%PDF-1.7\n');

describe('meeting file types by content', () => {
  it.each([
    ['jpeg', JPEG, 'jpg'],
    ['png', PNG, 'png'],
    ['webp', WEBP, 'webp'],
    ['pdf', PDF, 'pdf'],
    ['docx', OFFICE.docx(), 'docx'],
    ['xlsx', OFFICE.xlsx(), 'xlsx'],
    ['pptx', OFFICE.pptx(), 'pptx'],
    ['a zip without [Content_Types].xml', zipWith(['word/document.xml']), null],
    [
      'a zip naming word/ only inside a file name',
      zipWith(['[Content_Types].xml', 'notes/word/document.xml.txt']),
      null,
    ],
    ['a truncated zip', OFFICE.docx().subarray(0, 60), null],
    ['RIFF that is no WebP (wav)', Buffer.from('RIFF\x10\x00\x00\x00WAVEfmt ', 'latin1'), null],
    ['gif', Buffer.from('GIF89a....'), null],
    ['OLE2 (.doc)', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), null],
    ['html', Buffer.from('<html>'), null],
    ['empty', Buffer.alloc(0), null],
  ] as const)('%s → %s', (_l, b, type) => expect(detectMeetingFileType(b)).toBe(type));

  it('reads zip entry names from the central directory only', () => {
    expect(zipEntryNames(OFFICE.pptx())).toEqual(['[Content_Types].xml', '_rels/.rels', 'ppt/presentation.xml']);
    expect(zipEntryNames(Buffer.from('PK\x03\x04 no directory', 'latin1'))).toBeNull();
  });
});

describe('checkMeetingFile', () => {
  const cap = 50 * 1024 * 1024;
  it.each([
    ['a jpeg photo', 'photo', JPEG, 'a.JPG', { ok: true, type: 'jpg', mime: 'image/jpeg', name: 'a.JPG' }],
    ['a webp photo', 'photo', WEBP, 'a.webp', { ok: true, type: 'webp', mime: 'image/webp', name: 'a.webp' }],
    ['a pdf photo', 'photo', PDF, 'a.pdf', { ok: false, reason: 'type' }],
    ['a webp attachment', 'attachment', WEBP, 'a.webp', { ok: false, reason: 'type' }],
    ['a pptx attachment', 'attachment', OFFICE.pptx(), '课件.pptx', { ok: true, type: 'pptx', name: '课件.pptx' }],
    ['a png named .jpg', 'photo', PNG, 'a.jpg', { ok: false, reason: 'extension' }],
    ['a png named .gif', 'photo', PNG, 'a.gif', { ok: false, reason: 'extension' }],
    ['no extension', 'photo', PNG, 'IMG_0001', { ok: true, type: 'png', name: 'IMG_0001.png' }],
    ['an unknown extension', 'attachment', PDF, '纪要.final', { ok: true, type: 'pdf', name: '纪要.final.pdf' }],
    ['no name at all', 'attachment', PDF, '', { ok: true, type: 'pdf', name: 'attachment.pdf' }],
    ['empty', 'photo', Buffer.alloc(0), 'a.jpg', { ok: false, reason: 'empty' }],
  ] as const)('%s', (_l, kind, b, name, result) => expect(checkMeetingFile(kind, b, name, cap)).toMatchObject(result));

  it('applies the kind’s size limit, and the server’s cap when lower', () => {
    const at = (n: number) => Buffer.concat([JPEG, Buffer.alloc(n - JPEG.length)]);
    const MIB = 1024 * 1024;
    expect(checkMeetingFile('photo', at(10 * MIB), 'a.jpg', cap).ok).toBe(true);
    expect(checkMeetingFile('photo', at(10 * MIB + 1), 'a.jpg', cap)).toEqual({ ok: false, reason: 'too_large' });
    expect(checkMeetingFile('attachment', at(10 * MIB + 1), 'a.jpg', cap).ok).toBe(true);
    expect(checkMeetingFile('attachment', at(20 * MIB + 1), 'a.jpg', cap)).toEqual({ ok: false, reason: 'too_large' });
    expect(checkMeetingFile('attachment', at(2 * MIB), 'a.jpg', MIB)).toEqual({ ok: false, reason: 'too_large' });
  });
});

describe('archiveBlockers', () => {
  const now = new Date('2026-03-01T10:00:00Z');
  const before = new Date('2026-03-01T09:00:00Z');
  const after = new Date('2026-03-01T11:00:00Z');
  it.each([
    ['ended, with minutes', { status: 'planned', endsAt: before, minutes: '纪要' }, []],
    ['ending exactly now', { status: 'planned', endsAt: now, minutes: '纪要' }, []],
    ['not ended', { status: 'planned', endsAt: after, minutes: '纪要' }, ['not_ended']],
    ['blank minutes', { status: 'planned', endsAt: before, minutes: '  \n' }, ['no_minutes']],
    ['neither', { status: 'planned', endsAt: after, minutes: null }, ['not_ended', 'no_minutes']],
    ['cancelled', { status: 'cancelled', endsAt: before, minutes: '纪要' }, ['cancelled']],
    ['archived', { status: 'archived', endsAt: before, minutes: '纪要' }, ['archived']],
  ] as const)('%s → %j', (_l, m, blockers) => expect(archiveBlockers(m, now)).toEqual(blockers));
});
