import {
  IdParamsSchema,
  ListMeetingFilesQuerySchema,
  MeetingAmendmentSchema,
  MeetingFileSchema,
  MeetingRecordsSchema,
  RemoveMeetingFileBodySchema,
  UpdateMinutesBodySchema,
} from '@red-engine/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contentDisposition } from '../file-store/index.js';
import type { MeetingRecordsService } from './meeting-records.service.js';

export const meetingRecordsRoutes: FastifyPluginAsyncZod<{ records: MeetingRecordsService }> = async (
  app,
  { records },
) => {
  const tags = ['meeting-records'];
  const params = IdParamsSchema;
  const one = { 200: MeetingRecordsSchema };

  /** Streams a stored blob; its SHA-256 is the ETag, so a browser's photo wall revalidates without a download. */
  const send = async (req: FastifyRequest, reply: FastifyReply, file: Awaited<ReturnType<typeof records.open>>) => {
    const etag = `"${file.sha256}"`;
    reply
      .header('etag', etag)
      .header('cache-control', 'private, max-age=3600')
      .header('x-content-type-options', 'nosniff');
    if (req.headers['if-none-match'] === etag) {
      file.stream.destroy();
      return reply.code(304).send();
    }
    return reply
      .type(file.mime)
      .header('content-length', String(file.size))
      .header('content-disposition', contentDisposition(file.name))
      .send(file.stream);
  };

  app.get(
    '/meetings/:id/records',
    { schema: { tags, params, description: 'Minutes, archive state and file counts of a meeting', response: one } },
    (req) => records.records(req.ctx.actor!, req.params.id),
  );
  app.put(
    '/meetings/:id/minutes',
    {
      schema: {
        tags,
        params,
        body: UpdateMinutesBodySchema,
        description:
          'Writes the minutes. Once the meeting is archived a reason is required and the change is kept as an amendment.',
        response: one,
      },
    },
    (req) => records.updateMinutes(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/meetings/:id/files',
    {
      schema: { tags, params, querystring: ListMeetingFilesQuerySchema, response: { 200: z.array(MeetingFileSchema) } },
    },
    (req) => records.listFiles(req.ctx.actor!, req.params.id, req.query),
  );
  app.post(
    '/meetings/:id/files',
    {
      schema: {
        tags,
        params,
        consumes: ['multipart/form-data'],
        description:
          'multipart/form-data: fields `kind` (photo | attachment) and, once archived, `reason` first, then one `file`. Photos: jpg, png, webp ≤ 10 MB; attachments: pdf, docx, xlsx, pptx, jpg, png ≤ 20 MB; type checked by content. The same bytes again answer 200 with the file already recorded.',
        response: { 200: MeetingFileSchema, 201: MeetingFileSchema },
      },
    },
    async (req, reply) => {
      const { file, created } = await records.uploadFile(req.ctx, req.params.id, req);
      return reply.code(created ? 201 : 200).send(file);
    },
  );
  app.get(
    '/meeting-files/:id',
    { schema: { tags, params, description: 'The bytes of a photo or attachment (removed ones too)' } },
    async (req, reply) => send(req, reply, await records.open(req.ctx.actor!, req.params.id, 'file')),
  );
  app.get(
    '/meeting-files/:id/thumbnail',
    { schema: { tags, params, description: 'A WebP thumbnail, at most 320 px on its longest side (images only)' } },
    async (req, reply) => send(req, reply, await records.open(req.ctx.actor!, req.params.id, 'thumbnail')),
  );
  app.post(
    '/meeting-files/:id/remove',
    {
      schema: {
        tags,
        params,
        body: RemoveMeetingFileBodySchema,
        description:
          'Takes a file out of the record; the bytes stay stored. An amendment once the meeting is archived.',
        response: { 200: MeetingFileSchema },
      },
    },
    (req) => records.removeFile(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/meetings/:id/archive',
    {
      schema: {
        tags,
        params,
        description:
          '归档: only after the meeting has ended and has minutes (409 CONFLICT with details.blockers otherwise)',
        response: one,
      },
    },
    (req) => records.archive(req.ctx, req.params.id),
  );
  app.get(
    '/meetings/:id/amendments',
    { schema: { tags, params, response: { 200: z.array(MeetingAmendmentSchema) } } },
    (req) => records.amendments(req.ctx.actor!, req.params.id),
  );
};
