import type { ErrorBody, Locale } from '@red-engine/shared';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from './errors.js';
import { fieldIssueText, type LocalizedText, MESSAGES, pick } from './messages.js';

type Detail = { path: string; message: string };

function localizeDetails(details: unknown, locale: Locale): unknown {
  if (!Array.isArray(details)) return details;
  return details.map((d: { path?: string; text?: LocalizedText; message?: string }) =>
    d.text ? { path: d.path, message: pick(d.text, locale) } : d,
  );
}

const PG_BAD_INPUT = new Set([
  '22P02',
  '22001',
  '22003',
  '22007',
  '22008',
  '22021',
  '22023',
  '22025',
  '2201B',
  '54000',
]);

/** Maps any error to the wire shape of ARCHITECTURE §2; internals never reach the client. */
export function toErrorResponse(
  err: unknown,
  req: FastifyRequest,
): { status: number; body: ErrorBody; headers: Record<string, string> } {
  const locale = req.ctx?.locale ?? 'zh-CN';
  const requestId = String(req.id);
  const make = (
    status: number,
    code: ErrorBody['error']['code'],
    text: LocalizedText,
    details?: unknown,
    headers: Record<string, string> = {},
  ) => ({
    status,
    body: { error: { code, message: pick(text, locale), ...(details !== undefined ? { details } : {}), requestId } },
    headers,
  });

  if (err instanceof AppError)
    return make(err.status, err.code, err.text, localizeDetails(err.details, locale), err.headers);

  if (hasZodFastifySchemaValidationErrors(err)) {
    const context = (err as { validationContext?: string }).validationContext ?? 'body';
    const details: Detail[] = err.validation.map((v) => ({
      path: [context, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      // Zod does not report the input, but its own message says whether the field was missing or of the wrong type.
      message: fieldIssueText(v.keyword, { ...(v.params as Record<string, unknown>), zodMessage: v.message }, locale),
    }));
    return make(400, 'VALIDATION_FAILED', MESSAGES.validationFailed, details);
  }

  const e = err as FastifyError & { code?: string; statusCode?: number };
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return make(413, 'PAYLOAD_TOO_LARGE', MESSAGES.payloadTooLarge);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return make(415, 'UNSUPPORTED_MEDIA_TYPE', MESSAGES.unsupportedMediaType);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return make(400, 'VALIDATION_FAILED', MESSAGES.malformedJson, [
        { path: 'body', message: pick(MESSAGES.malformedJson, locale) },
      ]);
    case '23505':
      return make(409, 'CONFLICT', MESSAGES.conflict);
    case '40001':
    case '40P01':
      return make(409, 'CONFLICT', MESSAGES.conflict);
  }
  if (e.code && PG_BAD_INPUT.has(e.code)) return make(400, 'VALIDATION_FAILED', MESSAGES.validationFailed);
  if (e.statusCode === 429) return make(429, 'RATE_LIMITED', MESSAGES.rateLimited);
  if (e instanceof SyntaxError || e.statusCode === 400) {
    return make(400, 'VALIDATION_FAILED', MESSAGES.malformedJson, [
      { path: 'body', message: pick(MESSAGES.malformedJson, locale) },
    ]);
  }
  if (e.statusCode === 413) return make(413, 'PAYLOAD_TOO_LARGE', MESSAGES.payloadTooLarge);
  if (e.statusCode === 415) return make(415, 'UNSUPPORTED_MEDIA_TYPE', MESSAGES.unsupportedMediaType);
  if (e.statusCode === 404) return make(404, 'NOT_FOUND', MESSAGES.routeNotFound);
  req.log.error({ err }, 'unhandled error');
  return make(500, 'INTERNAL', MESSAGES.internal);
}

export function sendError(reply: FastifyReply, err: unknown) {
  const { status, body, headers } = toErrorResponse(err, reply.request);
  return reply.code(status).headers(headers).type('application/json; charset=utf-8').send(body);
}
