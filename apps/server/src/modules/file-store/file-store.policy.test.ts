import { describe, expect, it } from 'vitest';
import { checkFile, cleanFileName, detectFileKind, extensionOf } from './file-store.policy.js';

const bytes = (...head: number[]) => Uint8Array.from([...head, 0, 1, 2, 3]);
const zip = (entry: string) =>
  Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...Buffer.from(`....[Content_Types].xml....${entry}`, 'latin1')]);

describe('file kinds by magic bytes', () => {
  it.each([
    ['pdf', bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31), 'pdf'],
    ['jpeg', bytes(0xff, 0xd8, 0xff, 0xe0), 'jpg'],
    ['png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'png'],
    ['doc (OLE2)', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), 'doc'],
    ['docx', zip('word/document.xml'), 'docx'],
    ['xlsx', zip('xl/workbook.xml'), 'xlsx'],
    ['a plain zip', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), null],
    ['an executable', bytes(0x4d, 0x5a, 0x90, 0x00), null],
    ['html', Uint8Array.from(Buffer.from('<html><script>alert(1)</script>')), null],
    ['a gif', Uint8Array.from(Buffer.from('GIF89a....')), null],
    ['empty', new Uint8Array(), null],
  ] as const)('%s → %s', (_l, b, kind) => {
    expect(detectFileKind(b)).toBe(kind);
  });
});

describe('checkFile', () => {
  const pdf = bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31);
  it.each([
    ['a pdf named .pdf', pdf, '入党申请书.pdf', 100, { ok: true, kind: 'pdf', contentType: 'application/pdf' }],
    ['a pdf named .PDF', pdf, 'A.PDF', 100, { ok: true, kind: 'pdf', contentType: 'application/pdf' }],
    [
      'a jpeg named .jpeg',
      bytes(0xff, 0xd8, 0xff),
      'x.jpeg',
      100,
      { ok: true, kind: 'jpg', contentType: 'image/jpeg' },
    ],
    ['a pdf named .png', pdf, 'x.png', 100, { ok: false, reason: 'extension' }],
    ['an exe named .pdf', bytes(0x4d, 0x5a), 'x.pdf', 100, { ok: false, reason: 'type' }],
    ['no name', pdf, '', 100, { ok: false, reason: 'extension' }],
    ['over the limit', pdf, 'x.pdf', 5, { ok: false, reason: 'too_large' }],
    ['exactly at the limit', pdf, 'x.pdf', pdf.byteLength, { ok: true, kind: 'pdf', contentType: 'application/pdf' }],
    ['empty', new Uint8Array(), 'x.pdf', 100, { ok: false, reason: 'empty' }],
  ] as const)('%s', (_l, b, name, max, result) => {
    expect(checkFile(b, name, max)).toEqual(result);
  });
});

describe('file names', () => {
  it.each([
    ['C:\\Users\\张三\\思想汇报.docx', '思想汇报.docx'],
    ['../../etc/passwd', 'passwd'],
    ['a\u0000b".pdf', 'ab.pdf'],
    ['  name.pdf ', 'name.pdf'],
  ])('%s → %s', (raw, clean) => expect(cleanFileName(raw)).toBe(clean));
  it('keeps the end of a very long name (the extension)', () => {
    const n = cleanFileName(`${'长'.repeat(300)}.pdf`);
    expect(n.length).toBe(200);
    expect(extensionOf(n)).toBe('pdf');
  });
});
