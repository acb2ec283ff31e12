import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { pickLocale } from '@red-engine/shared';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import { sendError } from './core/error-handler.js';
import { AppError } from './core/errors.js';
import { MESSAGES } from './core/messages.js';
import { authenticateAndAuthorize, findForbiddenText } from './core/request-guards.js';
import { isPolicyExempt, policyKey, ROUTE_POLICIES } from './core/route-policy.js';
import { securityHeaders } from './core/security-headers.js';
import type { DbHandle } from './db/client.js';
import { startAuditSealer } from './modules/audit/index.js';
import { createAuthService } from './modules/auth/auth.service.js';
import { LoggingSender, type NotificationSender, startNotificationDispatcher } from './modules/notification/index.js';
import { registerModules } from './modules.js';

export type AppDeps = {
  config: Config;
  database: DbHandle;
  /** Requests per minute; tests raise them, production keeps the defaults. */
  rateLimits?: { loginPerMinute: number; writesPerMinute: number };
  logger?: boolean | object;
  /** Where SMS / WeChat messages go; a logging sender when not given. */
  notificationSender?: NotificationSender;
};

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const limits = deps.rateLimits ?? config.rateLimits;
  const app = Fastify({
    logger: deps.logger ?? { level: config.logLevel },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{8,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    routerOptions: { maxParamLength: 200 },
    // The router's own refusals (a broken percent-encoding, an over-long path parameter) get our error shape too.
    frameworkErrors: (err, req, reply) => {
      req.ctx ??= {
        actor: null,
        requestId: String(req.id),
        ip: req.ip,
        locale: pickLocale(String(req.headers['accept-language'] ?? '')),
      };
      if (err.code === 'FST_ERR_BAD_URL' || err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
        return sendError(
          reply,
          new AppError('VALIDATION_FAILED', MESSAGES.validationFailed, {
            details: [{ path: 'params', text: MESSAGES.invalidUrl }],
          }),
        );
      }
      return sendError(reply, err);
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('ctx');

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD' || isPolicyExempt(route.url)) continue;
      const policy = ROUTE_POLICIES[policyKey(method, route.url)];
      if (!policy) throw new Error(`Route ${method} ${route.url} has no entry in ROUTE_POLICIES`);
      if (route.url === '/api/v1/auth/login' || route.url === '/api/v1/auth/mfa/verify') {
        route.config = { ...(route.config as object), rateLimit: { max: limits.loginPerMinute, timeWindow: 60_000 } };
      } else if (WRITE_METHODS.has(method)) {
        route.config = { ...(route.config as object), rateLimit: { max: limits.writesPerMinute, timeWindow: 60_000 } };
      }
    }
  });

  const headers = securityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(headers);
    done();
  });
  await app.register(fastifyCookie);
  // Files arrive as multipart uploads read one at a time with request.file(); routes check type and content.
  await app.register(fastifyMultipart, { limits: { fileSize: config.uploadLimit, files: 1, fields: 20 } });
  await app.register(fastifyRateLimit, {
    global: false,
    // A door volunteer has no account: count per check-in token, so many lanes behind one NAT do not share a limit.
    keyGenerator: (req) => {
      const staff = req.headers['x-checkin-token'];
      if (!req.ctx?.actor && typeof staff === 'string') return `staff:${staff.slice(-16)}`;
      return req.ctx?.actor?.userId ?? req.ip;
    },
    errorResponseBuilder: (_req, ctx) =>
      new AppError('RATE_LIMITED', MESSAGES.rateLimited, {
        headers: { 'retry-after': String(Math.ceil(ctx.ttl / 1000)) },
      }),
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Red Engine API (红色引擎)',
        version: config.version,
        description: 'Smart party-building platform API',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 're_sid' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const auth = createAuthService({ db: database.db, config });
  app.addHook('onRequest', async (req) => {
    await authenticateAndAuthorize(req, auth);
  });
  app.addHook('preValidation', async (req) => {
    const bad = findForbiddenText(req.body, ['body']) ?? findForbiddenText(req.query, ['querystring']);
    if (bad) {
      throw new AppError('VALIDATION_FAILED', MESSAGES.validationFailed, {
        details: [{ path: bad, text: MESSAGES.nullCharacter }],
      });
    }
  });
  app.setErrorHandler((err, _req, reply) => sendError(reply, err));

  await app.register(async (api) => registerModules(api, { config, database, auth }), { prefix: '/api/v1' });

  // Check-in events wait in audit_pending for at most one tick before they join the hash chain.
  const sealer = startAuditSealer(database.db, app.log);
  app.addHook('onClose', () => sealer.stop());
  // SMS / WeChat messages written by changes leave through the outbox; the default sender only logs them.
  const dispatcher = startNotificationDispatcher(database.db, {
    sender: deps.notificationSender ?? new LoggingSender(app.log),
    dataKey: config.dataKey,
    log: app.log,
  });
  app.addHook('onClose', () => dispatcher.stop());

  app.get('/healthz', async () => ({ status: 'ok', db: database.kind, version: config.version }));

  const webDist = config.webDistDir;
  if (webDist && existsSync(join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false, maxAge: '1h' });
  }
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    // Client routes get the single-page shell; a missing asset (a path with a file extension) stays a 404.
    const isClientRoute = !path.startsWith('/api') && !path.startsWith('/healthz') && !/\.[a-z0-9]+$/i.test(path);
    if (webDist && req.method === 'GET' && isClientRoute) {
      const page = path === '/m' || path.startsWith('/m/') ? join('m', 'index.html') : 'index.html';
      if (existsSync(join(webDist, page))) return reply.header('cache-control', 'no-cache').sendFile(page, webDist);
    }
    req.ctx ??= {
      actor: null,
      requestId: String(req.id),
      ip: req.ip,
      locale: pickLocale(String(req.headers['accept-language'] ?? '')),
    };
    return sendError(reply, new AppError('NOT_FOUND', MESSAGES.routeNotFound));
  });

  return app;
}
