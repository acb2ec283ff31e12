/**
 * Article HTML is rebuilt, never passed through: the input is split into tags and text, and the output is written
 * from scratch with only allowed tags, allowed attributes and safe URLs; every text and attribute value is escaped
 * again. A tag the tokenizer misreads can therefore only lose content, never smuggle markup. Scripts, styles,
 * iframes, objects and the like are dropped with their content; event handlers (on…), style attributes and
 * javascript:/data: URLs never survive.
 */

const ALLOWED_TAGS = new Set([
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'div', 'span', 'blockquote', 'pre', 'code',
  'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'mark', 'small',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'colgroup', 'col',
  'a', 'img', 'figure', 'figcaption',
]); // biome-ignore format: one list

const VOID_TAGS = new Set(['br', 'hr', 'img', 'col']);

/** Dropped together with everything inside them. */
const DROP_WITH_CONTENT = new Set([
  'script', 'style', 'iframe', 'object', 'embed', 'noscript', 'template', 'svg', 'math', 'frameset', 'frame',
  'applet', 'textarea', 'select', 'button', 'form', 'title', 'head', 'xmp', 'noembed', 'noframes', 'plaintext',
]); // biome-ignore format: one list

const ALLOWED_ATTRS: Record<string, readonly string[]> = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  td: ['colspan', 'rowspan', 'align'],
  th: ['colspan', 'rowspan', 'align', 'scope'],
  col: ['span'],
  ol: ['start'],
  p: ['align'],
};

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references a browser would, so `jav&#x61;script:` is seen for what it is. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** http(s), mailto, site-relative paths and fragments; anything else (javascript:, data:, vbscript:) is refused. */
export function safeUrl(raw: string, forImage: boolean): string | null {
  // Browsers ignore control characters and whitespace inside a scheme: strip them before looking at it.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: exactly what is stripped
  const url = decodeEntities(raw).replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (url === '') return null;
  if (url.startsWith('/') && !url.startsWith('//')) return url;
  if (!forImage && url.startsWith('#')) return url;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'https' || scheme === 'http') return url;
  if (scheme === 'mailto' && !forImage) return url;
  return null;
}

const ATTR_RE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function cleanAttributes(tag: string, raw: string): string {
  const allowed = ALLOWED_ATTRS[tag] ?? [];
  const out: string[] = [];
  const seen = new Set<string>();
  let link = false;
  for (const m of raw.matchAll(ATTR_RE)) {
    const name = m[1]!.toLowerCase();
    if (!allowed.includes(name) || seen.has(name)) continue;
    seen.add(name);
    let value = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
    if (name === 'href' || name === 'src') {
      const url = safeUrl(value, name === 'src');
      if (url === null) continue;
      value = url;
      if (name === 'href') link = true;
    } else if (['width', 'height', 'colspan', 'rowspan', 'span', 'start'].includes(name)) {
      if (!/^\d{1,4}$/.test(value)) continue;
    } else if (name === 'align') {
      if (!['left', 'right', 'center', 'justify'].includes(value.toLowerCase())) continue;
    }
    out.push(` ${name}="${escapeAttr(value)}"`);
  }
  if (tag === 'a' && link) out.push(' rel="noopener noreferrer" target="_blank"');
  return out.join('');
}

const TOKEN_RE =
  /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<![^>]*>?|<\?[^>]*>?|<\/?([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

/** The article HTML keeping headings, paragraphs, lists, tables, images and links only. */
export function sanitizeHtml(input: string): string {
  const out: string[] = [];
  const open: string[] = [];
  let dropping: string | null = null;
  let last = 0;
  const text = (s: string) => {
    if (dropping === null && s) out.push(escapeText(decodeEntities(s)));
  };
  for (const m of input.matchAll(TOKEN_RE)) {
    text(input.slice(last, m.index));
    last = m.index + m[0].length;
    const name = m[1]?.toLowerCase();
    if (!name) continue; // comments, doctype, CDATA, processing instructions
    const closing = m[0][1] === '/';
    if (dropping !== null) {
      if (closing && name === dropping) dropping = null;
      continue;
    }
    if (DROP_WITH_CONTENT.has(name)) {
      if (!closing && !/\/\s*>$/.test(m[0])) dropping = name;
      continue;
    }
    if (!ALLOWED_TAGS.has(name)) continue;
    if (closing) {
      const at = open.lastIndexOf(name);
      if (at < 0) continue;
      while (open.length > at) out.push(`</${open.pop()}>`);
      continue;
    }
    out.push(`<${name}${cleanAttributes(name, m[2] ?? '')}>`);
    if (!VOID_TAGS.has(name)) open.push(name);
  }
  // A '<' that starts no tag is text; the rest after the last tag too.
  text(input.slice(last));
  while (open.length) out.push(`</${open.pop()}>`);
  return out.join('');
}

/** The text of sanitized HTML, for search and summaries. */
export function htmlToText(html: string): string {
  return decodeEntities(html.replace(/<(br|\/p|\/h\d|\/li|\/tr)[^>]*>/gi, '\n').replace(/<[^>]*>/g, ''))
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}
