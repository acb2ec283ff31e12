import {
  ExportMembersQuerySchema,
  ExportOrgsQuerySchema,
  IdParamsSchema,
  ImportJobSchema,
  type ImportKind,
  StartImportQuerySchema,
  shanghaiDate,
} from '@red-engine/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, fieldError } from '../../core/errors.js';
import { MESSAGES } from '../../core/messages.js';
import type { ImportService } from './imports.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a workbook as a download; the name is given both plainly (ASCII) and in UTF-8 for Chinese names. */
function sendXlsx(reply: FastifyReply, file: Buffer, name: string, ascii: string) {
  return reply
    .type(XLSX)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .header('cache-control', 'no-store')
    .send(file);
}

/** The one uploaded file of a multipart request, read into memory within UPLOAD_LIMIT_BYTES. */
async function uploadedFile(req: FastifyRequest): Promise<{ name: string; data: Buffer }> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', MESSAGES.unsupportedMediaType);
  let data: Buffer;
  let name: string;
  try {
    const part = await req.file();
    if (!part) throw fieldError('body.file', MESSAGES.importNoFile);
    name = part.filename || 'upload.xlsx';
    data = await part.toBuffer();
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code ?? '';
    if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT')
      throw new AppError('PAYLOAD_TOO_LARGE', MESSAGES.payloadTooLarge);
    throw fieldError('body.file', MESSAGES.importNoFile);
  }
  // An .xlsx file is a zip archive.
  if (data.length < 22 || data.readUInt32LE(0) !== 0x04034b50) throw fieldError('body.file', MESSAGES.importNotXlsx);
  return { name, data };
}

const stamp = () => shanghaiDate(new Date());

export const importRoutes: FastifyPluginAsyncZod<{ imports: ImportService }> = async (app, { imports }) => {
  const tags = ['imports'];
  const TITLES: Record<ImportKind, { zh: string; ascii: string }> = {
    members: { zh: '党员信息', ascii: 'members' },
    organizations: { zh: '党组织信息', ascii: 'organizations' },
  };

  for (const kind of ['members', 'organizations'] as const) {
    const t = TITLES[kind];
    app.get(
      `/imports/templates/${kind}`,
      {
        schema: { tags, description: `The ${kind} import template (.xlsx): national columns, drop-down lists, notes` },
      },
      async (req, reply) =>
        sendXlsx(
          reply,
          await imports.template(kind, req.ctx.locale),
          `${t.zh}导入模板.xlsx`,
          `${t.ascii}-template.xlsx`,
        ),
    );
    app.post(
      `/imports/${kind}`,
      {
        schema: {
          tags,
          description:
            'Upload a workbook (multipart/form-data, field "file"). mode=dry_run (default) checks every row and reports what would change; mode=all writes only when every row is valid; mode=valid_only writes the valid rows. Answers 202 with the job; poll GET /imports/{id}.',
          querystring: StartImportQuerySchema,
          response: { 202: ImportJobSchema },
        },
      },
      async (req, reply) => {
        const file = await uploadedFile(req);
        return reply.code(202).send(await imports.start(req.ctx, kind, file, req.query));
      },
    );
  }

  app.get('/imports/:id', { schema: { tags, params: IdParamsSchema, response: { 200: ImportJobSchema } } }, (req) =>
    imports.get(req.ctx.actor!, req.ctx.locale, req.params.id),
  );

  app.get(
    '/exports/members',
    {
      schema: {
        tags,
        description: 'Members of your scope in the template columns; ID numbers and phones masked unless unmasked=true',
        querystring: ExportMembersQuerySchema.extend({
          unmasked: z
            .enum(['true', 'false'])
            .optional()
            .describe('Unmasked ID numbers, phones, addresses (member:read-sensitive; audited)'),
        }),
      },
    },
    async (req, reply) => {
      const { unmasked, ...q } = req.query;
      const { file } = await imports.exportMembers(req.ctx, { ...q, unmasked: unmasked === 'true' });
      return sendXlsx(reply, file, `党员信息-${stamp()}.xlsx`, `members-${stamp()}.xlsx`);
    },
  );
  app.get(
    '/exports/organizations',
    {
      schema: {
        tags,
        description: 'Organizations of your scope in the template columns',
        querystring: ExportOrgsQuerySchema,
      },
    },
    async (req, reply) => {
      const { file } = await imports.exportOrgs(req.ctx, req.query);
      return sendXlsx(reply, file, `党组织信息-${stamp()}.xlsx`, `organizations-${stamp()}.xlsx`);
    },
  );
};
