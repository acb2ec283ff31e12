import { z } from 'zod';
import { ORG_TYPES } from './org.schema.js';

export const DashboardSummarySchema = z
  .object({
    orgsByType: z.record(z.enum(ORG_TYPES), z.number().int()),
    orgsByDomain: z.record(z.string(), z.number().int()),
    orgTotal: z.number().int(),
    userTotal: z.number().int(),
    auditEventsToday: z.number().int(),
  })
  .meta({ id: 'DashboardSummary' });
export type DashboardSummary = z.infer<typeof DashboardSummarySchema>;
