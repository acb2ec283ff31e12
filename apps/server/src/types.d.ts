import type { RequestContext } from './core/actor.js';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
}
