import type { ErrorCode } from '@red-engine/shared';
import { API_BASE, ApiError } from '../../lib/http';
import { getLocale } from '../../lib/i18n';

const TOKEN_KEY = 're.checkin.staffToken';
/** A scan that has not answered by then is shown as not recorded; its retry repeats the same nonce. */
const TIMEOUT_MS = 10_000;

/** The volunteer's token: from the link once, then from this tab's sessionStorage (the link is taken off the URL). */
export function rememberStaffToken(fromUrl: string | null): string | null {
  try {
    if (fromUrl) sessionStorage.setItem(TOKEN_KEY, fromUrl);
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return fromUrl;
  }
}

/**
 * A call with the staff token as its credential (`x-checkin-token`), apart from the logged-in `api` client: the
 * volunteer has no account, and a 401 here must not send anybody to the login page.
 */
export async function staffRequest<T>(method: 'GET' | 'POST', path: string, token: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': getLocale(),
    'x-checkin-token': token,
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const abort = new AbortController();
  const timer = window.setTimeout(() => abort.abort(), TIMEOUT_MS);
  let res: Response;
  let text: string;
  try {
    res = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      credentials: 'omit',
      cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: abort.signal,
    });
    text = await res.text();
  } catch (e) {
    throw new ApiError(0, 'NETWORK_ERROR', e instanceof Error ? e.message : String(e));
  } finally {
    window.clearTimeout(timer);
  }
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (res.ok) return json as T;
  const err = (json as { error?: { code?: ErrorCode; message?: string; details?: unknown; requestId?: string } })
    ?.error;
  if (err?.code) throw new ApiError(res.status, err.code, err.message ?? err.code, err.details, err.requestId);
  throw new ApiError(res.status, 'INTERNAL', `HTTP ${res.status} ${res.statusText}`.trim());
}

/** What a scanner read: a bare code, or a link that carries one in `c` (the H5 check-in link). */
export function codeFromScan(raw: string): string {
  const text = raw.trim();
  if (!/^https?:\/\//i.test(text)) return text;
  try {
    return new URL(text).searchParams.get('c')?.trim() || text;
  } catch {
    return text;
  }
}

/** Room codes (the projector's) start with R1.; a volunteer must scan members' personal codes (M1.). */
export const isRoomCode = (code: string) => code.startsWith('R1.');
