/**
 * What the file store accepts: PDF, JPEG, PNG, Word (.docx, .doc) and Excel (.xlsx), recognised by their first bytes
 * (and, for the Office Open XML zips, by the part that names the document), never by the name or the client's
 * content type alone. The name's extension must agree with the content.
 */
export const FILE_TYPES = {
  pdf: { contentType: 'application/pdf', extensions: ['pdf'] },
  jpg: { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  png: { contentType: 'image/png', extensions: ['png'] },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  doc: { contentType: 'application/msword', extensions: ['doc'] },
} as const;
export type FileKind = keyof typeof FILE_TYPES;

/** Largest file kept by the store (also bounded by UPLOAD_LIMIT_BYTES). */
export const FILE_STORE_MAX_BYTES = 20 * 1024 * 1024;

const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((v, i) => b[i] === v);

/** The kind of file the bytes are, or null when they are none of the accepted kinds. */
export function detectFileKind(bytes: Uint8Array): FileKind | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc'; // OLE2 compound file
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // A zip: an Office Open XML package names its main part in the (uncompressed) local file headers.
    const names = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    if (!names.includes('[Content_Types].xml')) return null;
    if (names.includes('word/')) return 'docx';
    if (names.includes('xl/')) return 'xlsx';
  }
  return null;
}

/** The extension of a file name, lower case, without the dot. */
export const extensionOf = (fileName: string) => /\.([a-z0-9]{1,8})$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';

/** A file name safe to keep and to send back: no path, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is removed
  const clean = base.replace(/[\u0000-\u001f\u007f"<>|*?:]/g, '').trim();
  return clean.length > 200 ? clean.slice(clean.length - 200) : clean;
}

export type FileCheck =
  | { ok: true; kind: FileKind; contentType: string }
  | { ok: false; reason: 'empty' | 'too_large' | 'type' | 'extension' };

/** Checks an upload's bytes and name against the accepted kinds and the size limit. */
export function checkFile(bytes: Uint8Array, fileName: string, maxBytes: number): FileCheck {
  if (bytes.byteLength === 0) return { ok: false, reason: 'empty' };
  if (bytes.byteLength > maxBytes) return { ok: false, reason: 'too_large' };
  const kind = detectFileKind(bytes);
  if (!kind) return { ok: false, reason: 'type' };
  if (!(FILE_TYPES[kind].extensions as readonly string[]).includes(extensionOf(fileName)))
    return { ok: false, reason: 'extension' };
  return { ok: true, kind, contentType: FILE_TYPES[kind].contentType };
}
