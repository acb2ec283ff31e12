import { z } from 'zod';

export const IdSchema = z.uuid().describe('Identifier (UUID)');
export const IdParamsSchema = z.object({ id: IdSchema });
export const IsoDateTimeSchema = z.string().describe('ISO 8601 date-time');
