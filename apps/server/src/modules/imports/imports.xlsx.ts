/**
 * A small reader for the first worksheet of an .xlsx file: the zip directory is read from the buffer, the sheet XML
 * is inflated as a stream and cut into rows as it arrives. A general workbook library spends most of a 100,000-row
 * import building cell objects and styles we never look at; this reads values only, about five times faster, and
 * never holds the whole sheet XML in memory.
 */
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';

export type CellValue = string | number | boolean | null;
export type SheetRow = { row: number; cells: CellValue[] };

export class XlsxError extends Error {}

/** A sheet that inflates beyond this is a zip bomb, not a member list (100,000 rows inflate to about 60 MB). */
const MAX_INFLATED_BYTES = 1024 * 1024 * 1024;

type ZipEntry = { name: string; method: number; compressedSize: number; size: number; dataStart: number };

function readZipDirectory(buf: Buffer): Map<string, ZipEntry> {
  const min = Math.max(0, buf.length - 65_557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new XlsxError('not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new XlsxError('broken zip directory');
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (compressedSize === 0xffffffff || local === 0xffffffff) throw new XlsxError('zip64 is not supported');
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) throw new XlsxError('broken zip entry');
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (dataStart + compressedSize > buf.length) throw new XlsxError('truncated zip entry');
    entries.set(name.replace(/^\//, ''), { name, method, compressedSize, size, dataStart });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function entryText(buf: Buffer, e: ZipEntry): string {
  const raw = buf.subarray(e.dataStart, e.dataStart + e.compressedSize);
  if (e.method === 0) return raw.toString('utf8');
  if (e.method !== 8) throw new XlsxError(`unsupported zip compression ${e.method}`);
  return inflateRawSync(raw, { maxOutputLength: MAX_INFLATED_BYTES }).toString('utf8');
}

async function* entryChunks(buf: Buffer, e: ZipEntry): AsyncGenerator<Buffer> {
  const raw = buf.subarray(e.dataStart, e.dataStart + e.compressedSize);
  if (e.method === 0) {
    for (let i = 0; i < raw.length; i += 1 << 20) yield raw.subarray(i, i + (1 << 20));
    return;
  }
  if (e.method !== 8) throw new XlsxError(`unsupported zip compression ${e.method}`);
  const inflate = createInflateRaw({ chunkSize: 1 << 20 });
  inflate.end(raw);
  let inflated = 0;
  for await (const chunk of inflate) {
    inflated += (chunk as Buffer).length;
    if (inflated > MAX_INFLATED_BYTES) throw new XlsxError('worksheet too large');
    yield chunk as Buffer;
  }
}

// Some generators write every element with a namespace prefix (<x:row>); names are matched without it.
const PREFIXED_ROOT_RE = /<[A-Za-z_][\w.-]*:(?:worksheet|sst)\b/;
const ELEMENT_PREFIX_RE = /<(\/?)[A-Za-z_][\w.-]*:(?=[A-Za-z])/g;
const withoutPrefixes = (xml: string) => xml.replace(ELEMENT_PREFIX_RE, '<$1');

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML entities and the OOXML `_xHHHH_` escapes. */
export function unescapeXml(s: string): string {
  let out = s;
  if (out.includes('&'))
    out = out.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e] ?? m;
    });
  if (out.includes('_x'))
    out = out.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  return out;
}

const SIMPLE_T_RE = /^<t(?: [^>]*)?>([^<]*)<\/t>$/;

/** The text of a string item: every `<t>` run, leaving out phonetic guides (`<rPh>`). */
function itemText(xml: string): string {
  const simple = SIMPLE_T_RE.exec(xml);
  if (simple) return unescapeXml(simple[1] ?? '');
  const body = xml.includes('<rPh') ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  let text = '';
  for (const m of body.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>|<t\b[^>]*\/>/g)) text += m[1] ?? '';
  return unescapeXml(text);
}

/** An attribute's value from the text between a tag name and its `>`; `name` includes the leading space. */
function attr(attrs: string, name: string): string | undefined {
  const at = attrs.indexOf(name);
  if (at < 0) return undefined;
  const start = at + name.length;
  return attrs.slice(start, attrs.indexOf('"', start));
}

function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

const ROW_RE = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const CELL_RE = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const V_RE = /<v\b[^>]*>([\s\S]*?)<\/v>/;

function parseRows(xml: string, shared: readonly string[], out: SheetRow[], state: { nextRow: number }) {
  for (const rm of xml.matchAll(ROW_RE)) {
    const rowNo = Number(attr(rm[1] ?? '', ' r="') ?? state.nextRow);
    state.nextRow = rowNo + 1;
    const body = rm[2];
    if (!body) continue;
    const cells: CellValue[] = [];
    let nextCol = 0;
    for (const cm of body.matchAll(CELL_RE)) {
      const a = cm[1] ?? '';
      const ref = attr(a, ' r="');
      const col = ref ? columnIndex(ref) : nextCol;
      nextCol = col + 1;
      const inner = cm[2];
      if (!inner) continue;
      const type = attr(a, ' t="') ?? 'n';
      let value: CellValue = null;
      if (type === 'inlineStr') value = itemText(inner);
      else {
        const v = V_RE.exec(inner)?.[1];
        if (v === undefined) continue;
        if (type === 's') value = shared[Number(v)] ?? '';
        else if (type === 'str' || type === 'e' || type === 'd') value = unescapeXml(v);
        else if (type === 'b') value = v === '1';
        else {
          const n = Number(v);
          value = Number.isFinite(n) ? n : unescapeXml(v);
        }
      }
      if (col >= 0 && col < 16_384) cells[col] = value;
    }
    if (cells.some((c) => c !== null && c !== undefined && c !== '')) {
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
      out.push({ row: rowNo, cells });
    }
  }
}

/**
 * The non-empty rows of the first worksheet, with their sheet row numbers. `onProgress(done, total)` follows the
 * inflated bytes of the sheet. Dates arrive as Excel serial numbers (see `excelSerialToIso`).
 */
export async function readFirstSheet(
  buf: Buffer,
  onProgress?: (done: number, total: number) => void,
): Promise<{ rows: SheetRow[]; date1904: boolean }> {
  let fast: { rows: SheetRow[]; date1904: boolean };
  try {
    fast = await readFirstSheetFast(buf, onProgress);
  } catch (err) {
    if (!(err instanceof XlsxError) || err.message === 'worksheet too large') throw err;
    return readFirstSheetWithExcelJs(buf);
  }
  return { rows: fast.rows, date1904: fast.date1904 };
}

async function readFirstSheetWithExcelJs(buf: Buffer): Promise<{ rows: SheetRow[]; date1904: boolean }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new XlsxError('not a readable workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new XlsxError('no worksheet');
  const date1904 = Boolean(workbook.properties?.date1904);
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNo) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNo) => {
      cells[colNo - 1] = plainCellValue(cell.value, date1904);
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    if (cells.some((c) => c !== null && c !== '')) rows.push({ row: rowNo, cells });
  });
  return { rows, date1904 };
}

/** exceljs cell values (rich text, formulas, dates) as the plain values the fast reader yields. */
function plainCellValue(value: ExcelJS.CellValue, date1904: boolean): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) {
    const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
    return Math.round((value.getTime() - epoch) / 86_400_000);
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return plainCellValue((value.result ?? null) as ExcelJS.CellValue, date1904);
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return null;
}

async function readFirstSheetFast(
  buf: Buffer,
  onProgress?: (done: number, total: number) => void,
): Promise<{ rows: SheetRow[]; date1904: boolean }> {
  const entries = readZipDirectory(buf);
  const workbook = entries.get('xl/workbook.xml');
  if (!workbook) throw new XlsxError('no xl/workbook.xml');
  const wbXml = entryText(buf, workbook);
  const date1904 = /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(wbXml);
  const firstSheet = /<sheet\b([^>]*)\/?>/.exec(wbXml);
  const rid = firstSheet ? /\br:id="([^"]+)"|\bid="([^"]+)"/.exec(firstSheet[1] ?? '') : null;
  let target = 'xl/worksheets/sheet1.xml';
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  if (rid && rels) {
    const id = rid[1] ?? rid[2];
    for (const m of entryText(buf, rels).matchAll(/<Relationship\b([^>]*)\/?>/g)) {
      if (attr(m[1] ?? '', ' Id="') === id) {
        const t = attr(m[1] ?? '', ' Target="') ?? target;
        target = t.startsWith('/') ? t.slice(1) : `xl/${t.replace(/^\.\//, '')}`;
      }
    }
  }
  const sheet = entries.get(target);
  if (!sheet) throw new XlsxError(`no worksheet ${target}`);
  const sst = entries.get('xl/sharedStrings.xml');
  const shared: string[] = [];
  let sstXml = sst ? entryText(buf, sst) : '';
  if (PREFIXED_ROOT_RE.test(sstXml.slice(0, 4096))) sstXml = withoutPrefixes(sstXml);
  if (sst)
    for (const m of sstXml.matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>|<si\b[^>]*\/>/g)) shared.push(itemText(m[1] ?? ''));

  const rows: SheetRow[] = [];
  const state = { nextRow: 1 };
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  let done = 0;
  let prefixed: boolean | null = null;
  for await (const chunk of entryChunks(buf, sheet)) {
    done += chunk.length;
    let text = carry + decoder.decode(chunk, { stream: true });
    prefixed ??= PREFIXED_ROOT_RE.test(text.slice(0, 4096));
    // A prefix cut at the chunk's end stays in `carry` until the rest arrives: the cut below is at a row end.
    if (prefixed) text = withoutPrefixes(text);
    const cut = text.lastIndexOf('</row>');
    if (cut < 0) {
      carry = text;
    } else {
      parseRows(text.slice(0, cut + 6), shared, rows, state);
      carry = text.slice(cut + 6);
    }
    onProgress?.(done, sheet.size);
  }
  parseRows(carry + decoder.decode(), shared, rows, state);
  return { rows, date1904 };
}

/** An Excel date serial (days since 1899-12-30, or 1904-01-01) as YYYY-MM-DD; null when not a plausible date. */
export function excelSerialToIso(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}
