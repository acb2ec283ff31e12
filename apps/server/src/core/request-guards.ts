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
  if (policy.access === 'public') return;
  if (!ctx.actor) {
    throw new AppError(
      mfaPending ? 'MFA_REQUIRED' : 'UNAUTHENTICATED',
      mfaPending ? MESSAGES.mfaRequired : MESSAGES.unauthenticated,
    );
  }
  if (ctx.actor.via === 'session' && !SAFE_METHODS.has(req.method)) {
    const sent = req.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !ctx.actor.csrfToken || !safeEqual(sent, ctx.actor.csrfToken)) {
      throw new AppError('CSRF_FAILED', MESSAGES.csrfFailed);
    }
  }
  if ((ctx.actor.mustChangePassword || ctx.actor.mfaRequired) && !policy.allowIncomplete) {
    throw new AppError('FORBIDDEN', MESSAGES.forbidden);
  }
  if (policy.access !== 'authenticated' && !ctx.actor.permissions.has(policy.access)) {
    throw new AppError('FORBIDDEN', MESSAGES.forbidden);
  }
}

/** Strings with NUL or lone surrogates cannot be stored in PostgreSQL text; reject them up front. */
export function findForbiddenText(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what we look for
    if (/\u0000/.test(value) || /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value)) {
      return path.join('.') || 'body';
    }
    return null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findForbiddenText(value[i], [...path, String(i)]);
      if (hit) return hit;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const hit = findForbiddenText(k, [...path, k]) ?? findForbiddenText(v, [...path, k]);
      if (hit) return hit;
    }
  }
  return null;
}
