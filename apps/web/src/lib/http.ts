import type { ErrorCode, FieldIssue, Locale } from '@red-engine/shared';

export const API_BASE = '/api/v1';

export type ApiErrorCode = ErrorCode | 'NETWORK_ERROR';

/** A failed API call: the server's `{ error: { code, message, details, requestId } }` body, or a network failure. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly details: unknown;
  readonly requestId: string | undefined;

  constructor(status: number, code: ApiErrorCode, message: string, details?: unknown, requestId?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }

  /** VALIDATION_FAILED details as form fields: `body.roles.0.orgId` → `['roles', 0, 'orgId']`. */
  fieldIssues(): { name: (string | number)[]; message: string }[] {
    if (!Array.isArray(this.details)) return [];
    return (this.details as FieldIssue[])
      .filter((d) => d && typeof d.path === 'string' && typeof d.message === 'string')
      .map((d) => ({
        name: d.path
          .replace(/^(body|query|params)\.?/, '')
          .split('.')
          .filter(Boolean)
          .map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg)),
        message: d.message,
      }));
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

// --- request context shared by every call (set by the session and the i18n store) ---
let csrfToken: string | null = null;
let locale: Locale = 'zh-CN';

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
export function setRequestLocale(next: Locale): void {
  locale = next;
}

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

/** Builds `?a=1&b=x`, dropping empty values. */
export function toQueryString(params?: QueryParams): string {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.append(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

/** Writes the session cookie alone cannot authorize: everything but these carries the CSRF token. */
const CSRF_EXEMPT = new Set(['/auth/login', '/auth/mfa/verify']);

async function request<T>(method: string, path: string, body?: unknown, query?: QueryParams): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': locale };
  const form = typeof FormData !== 'undefined' && body instanceof FormData;
  if (body !== undefined && !form) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken && !CSRF_EXEMPT.has(path)) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}${toQueryString(query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : form ? (body as FormData) : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, 'NETWORK_ERROR', e instanceof Error ? e.message : String(e));
  }

  if (res.status === 204) return undefined as T;
  const text = await res.text();
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
  throw new ApiError(
    res.status,
    res.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL',
    `HTTP ${res.status} ${res.statusText}`.trim(),
    undefined,
    res.headers.get('x-request-id') ?? undefined,
  );
}

export const api = {
  get: <T>(path: string, query?: QueryParams) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body ?? {}),
  del: <T = void>(path: string) => request<T>('DELETE', path),
  /** A multipart upload (the browser sets the boundary). */
  upload: <T>(path: string, form: FormData, query?: QueryParams) => request<T>('POST', path, form, query),
};

/** A URL to open directly (downloads): cookies go along, no JSON. */
export const apiUrl = (path: string, query?: QueryParams): string => `${API_BASE}${path}${toQueryString(query)}`;
