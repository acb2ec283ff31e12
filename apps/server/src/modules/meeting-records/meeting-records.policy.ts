import { type ArchiveBlocker, MEETING_FILE_LIMITS, type MeetingFileKind } from '@red-engine/shared';
import { extensionOf } from '../file-store/index.js';

/** File types a meeting record takes, recognised by their bytes. */
export const MEETING_FILE_TYPES = {
  jpg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'], image: true },
  png: { mime: 'image/png', extensions: ['png'], image: true },
  webp: { mime: 'image/webp', extensions: ['webp'], image: true },
  pdf: { mime: 'application/pdf', extensions: ['pdf'], image: false },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    image: false,
  },
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    image: false,
  },
  pptx: {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
    image: false,
  },
} as const;
export type MeetingFileType = keyof typeof MEETING_FILE_TYPES;

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/**
 * The entry names of a zip archive, read from its central directory (so compressed contents can never pass for a
 * name); null when the bytes are no well-formed zip.
 */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 bytes plus at most a 65,535-byte comment.
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--) {
    if (b.readUInt32LE(i) !== 0x06054b50) continue;
    const count = b.readUInt16LE(i + 10);
    let p = b.readUInt32LE(i + 16);
    const names: string[] = [];
    for (let n = 0; n < count; n++) {
      if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50) return null;
      const nameLength = b.readUInt16LE(p + 28);
      const next = p + 46 + nameLength + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
      if (next > b.length) return null;
      names.push(b.toString('utf8', p + 46, p + 46 + nameLength));
      p = next;
    }
    return names;
  }
  return null;
}

/** Which of the accepted types the bytes are, or null. Office files are zips whose main part names the kind. */
export function detectMeetingFileType(bytes: Uint8Array): MeetingFileType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(bytes);
    if (!names?.includes('[Content_Types].xml')) return null;
    if (names.includes('word/document.xml')) return 'docx';
    if (names.includes('xl/workbook.xml')) return 'xlsx';
    if (names.includes('ppt/presentation.xml')) return 'pptx';
  }
  return null;
}

export type MeetingFileCheck =
  | { ok: true; type: MeetingFileType; mime: string; name: string }
  | { ok: false; reason: 'empty' | 'too_large' | 'type' | 'extension' };

/**
 * Checks an upload against its kind's types and size limit (never above `capBytes`, the server's upload limit). A
 * name without an extension gets the type's own; a name whose extension names another type is refused.
 */
export function checkMeetingFile(
  kind: MeetingFileKind,
  bytes: Uint8Array,
  fileName: string,
  capBytes: number,
): MeetingFileCheck {
  const limits = MEETING_FILE_LIMITS[kind];
  if (bytes.byteLength === 0) return { ok: false, reason: 'empty' };
  if (bytes.byteLength > Math.min(limits.maxBytes, capBytes)) return { ok: false, reason: 'too_large' };
  const type = detectMeetingFileType(bytes);
  if (!type || !(limits.types as readonly string[]).includes(type)) return { ok: false, reason: 'type' };
  const spec = MEETING_FILE_TYPES[type];
  const ext = extensionOf(fileName);
  const base = fileName.trim() || (kind === 'photo' ? 'photo' : 'attachment');
  if (ext && (spec.extensions as readonly string[]).includes(ext))
    return { ok: true, type, mime: spec.mime, name: base };
  if (ext && KNOWN_EXTENSIONS.has(ext)) return { ok: false, reason: 'extension' };
  return { ok: true, type, mime: spec.mime, name: `${base}.${spec.extensions[0]}`.slice(-200) };
}

/** Extensions that name a type: one of these on the wrong content is a mistake, not a missing extension. */
const KNOWN_EXTENSIONS = new Set([
  ...Object.values(MEETING_FILE_TYPES).flatMap((t) => t.extensions),
  ...['gif', 'bmp', 'tif', 'tiff', 'heic', 'heif', 'svg', 'doc', 'xls', 'ppt', 'txt', 'rtf', 'zip', 'rar', '7z'],
  ...['html', 'htm', 'js', 'exe', 'bat', 'cmd', 'sh', 'mp4', 'mov', 'avi', 'mp3', 'wav', 'csv', 'odt', 'ods'],
]);

/** Human-readable list of the types a kind takes, for the refusal message. */
export const allowedTypesOf = (kind: MeetingFileKind) => MEETING_FILE_LIMITS[kind].types.join(', ');

export type MeetingState = { status: string; endsAt: Date; minutes: string | null };

/** Why the meeting cannot be archived now; empty when it can (ended, with minutes, neither cancelled nor archived). */
export function archiveBlockers(m: MeetingState, now: Date): ArchiveBlocker[] {
  if (m.status === 'archived') return ['archived'];
  if (m.status === 'cancelled') return ['cancelled'];
  const out: ArchiveBlocker[] = [];
  if (now.getTime() < m.endsAt.getTime()) out.push('not_ended');
  if (!m.minutes?.trim()) out.push('no_minutes');
  return out;
}

/** After archiving every change is an amendment (更正) and needs a reason. */
export const isArchived = (m: Pick<MeetingState, 'status'>) => m.status === 'archived';
