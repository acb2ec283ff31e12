import type { Locale } from '@red-engine/shared';
import { pickLocale } from '@red-engine/shared';
import type { FastifyRequest } from 'fastify';
import type { AuthService } from '../modules/auth/auth.service.js';
import type { RequestContext } from './actor.js';
import { safeEqual } from './crypto.js';
import { AppError } from './errors.js';
import { MESSAGES } from './messages.js';
import { isPolicyExempt, policyKey, ROUTE_POLICIES, type RoutePolicy } from './route-policy.js';

export const SESSION_COOKIE = 're_sid';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function policyFor(req: FastifyRequest): RoutePolicy | undefined {
  const url = req.routeOptions.url;
  if (!url) return undefined;
  return ROUTE_POLICIES[policyKey(req.method === 'HEAD' ? 'GET' : req.method, url)];
}

function headerLocale(req: FastifyRequest): Locale | null {
  const h = req.headers['accept-language'];
  return typeof h === 'string' && h.length > 0 ? pickLocale(h) : null;
}

/** Resolves who is calling (session cookie or bearer token), then applies the route's policy. */
export async function authenticateAndAuthorize(req: FastifyRequest, auth: AuthService): Promise<void> {
  const ctx: RequestContext = {
    actor: null,
    requestId: String(req.id),
    ip: req.ip ?? null,
    locale: headerLocale(req) ?? 'zh-CN',
  };
  req.ctx = ctx;
  const url = req.routeOptions.url;
  if (!url || isPolicyExempt(url)) return;
  const policy = policyFor(req);
  if (!policy) throw new AppError('NOT_FOUND', MESSAGES.routeNotFound);

  let mfaPending = false;
  const authz = req.headers.authorization;
  if (typeof authz === 'string' && authz.startsWith('Bearer ')) {
    ctx.actor = await auth.actorFromApiToken(authz.slice(7).trim());
    if (!ctx.actor) throw new AppError('UNAUTHENTICATED', MESSAGES.unauthenticated);
  } else {
    const cookie = req.cookies[SESSION_COOKIE];
    if (cookie) {
      const found = await auth.actorFromSession(cookie);
      if (found === 'mfa_pending') mfaPending = true;
      else ctx.actor = found;
    }
  }
  if (ctx.actor && !headerLocale(req)) ctx.locale = ctx.actor.locale;
  const checkCsrf = () => {
    const sent = req.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !ctx.actor?.csrfToken || !safeEqual(sent, ctx.actor.csrfToken)) {
      throw new AppError('CSRF_FAILED', MESSAGES.csrfFailed);
    }
  };
  if (policy.access === 'public') {
    if (policy.csrfWhenAuthenticated && ctx.actor?.via === 'session' && !SAFE_METHODS.has(req.method)) checkCsrf();
    return;
  }
  if (!ctx.actor) {
    throw new AppError(
      mfaPending ? 'MFA_REQUIRED' : 'UNAUTHENTICATED',
      mfaPending ? MESSAGES.mfaRequired : MESSAGES.unauthenticated,
    );
  }
  if (ctx.actor.via === 'session' && !SAFE_METHODS.has(req.method)) checkCsrf();
  if (policy.sessionOnly && ctx.actor.via === 'token') throw new AppError('FORBIDDEN', MESSAGES.forbidden);
  if ((ctx.actor.mustChangePassword || ctx.actor.mfaRequired) && !policy.allowIncomplete) {
    throw new AppError('FORBIDDEN', MESSAGES.forbidden);
  }
  if (policy.access !== 'authenticated' && !ctx.actor.permissions.has(policy.access)) {
    throw new AppError('FORBIDDEN', MESSAGES.forbidden);
  }
}

/** Strings with NUL or lone surrogates cannot be stored in PostgreSQL text. */
function isForbiddenText(value: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what we look for
  return /\u0000/.test(value) || /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value);
}

type Frame = { value: unknown; key: string | null; parent: Frame | null };

/**
 * Finds the first string (value or key) with NUL or a lone surrogate and returns its dotted path; rejecting them up
 * front keeps them out of PostgreSQL text. Walks with an explicit stack, so a deeply nested body (a 1 MiB JSON can
 * nest hundreds of thousands of levels) cannot overflow the call stack.
 */
export function findForbiddenText(value: unknown, path: string[] = []): string | null {
  const pathOf = (frame: Frame) => {
    const keys: string[] = [];
    for (let f: Frame | null = frame; f; f = f.parent) if (f.key !== null) keys.push(f.key);
    return [...path, ...keys.reverse()].join('.') || 'body';
  };
  const stack: Frame[] = [{ value, key: null, parent: null }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const v = frame.value;
    if (typeof v === 'string') {
      if (isForbiddenText(v)) return pathOf(frame);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], key: String(i), parent: frame });
    } else if (v && typeof v === 'object') {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, child] = entries[i]!;
        // The value is pushed first so the key is checked first.
        stack.push({ value: child, key: k, parent: frame });
        stack.push({ value: k, key: k, parent: frame });
      }
    }
  }
  return null;
}
