import helmet, { type HelmetOptions } from 'helmet';

/**
 * The security headers of every response (helmet's, with our CSP), computed once at start. Our policy is static —
 * no per-request nonces — so running helmet for each request (as @fastify/helmet does, rebuilding it every time)
 * would only spend the server's time on a check-in burst.
 */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const csp = options.contentSecurityPolicy;
  const directives = csp && typeof csp === 'object' ? Object.values(csp.directives ?? {}) : [];
  if (directives.some((d) => typeof d === 'function' || (Array.isArray(d) && d.some((v) => typeof v === 'function'))))
    throw new Error('a content security policy computed per request cannot be precomputed');
  const headers: Record<string, string> = {};
  const res = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as never, res as never, () => undefined);
  return headers;
}
