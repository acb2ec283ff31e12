import { z } from 'zod';
import { IdSchema } from './common/ids.js';
import { PageQuerySchema } from './common/pagination.js';
import { ContactPhoneSchema, LatitudeSchema, LongitudeSchema } from './org.schema.js';

/** 阵地 · 党群活动中心 */
export const VenueSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    ownerOrgId: IdSchema,
    ownerOrgName: z.string(),
    address: z.string().nullable(),
    longitude: z.number().nullable(),
    latitude: z.number().nullable(),
    capacity: z.number().int().nullable().describe('Seats'),
    facilities: z.array(z.string()),
    openHours: z.string().nullable().describe('e.g. 周一至周五 8:30-17:30'),
    contactPerson: z.string().nullable(),
    contactPhone: z.string().nullable(),
    description: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Venue' });
export type Venue = z.infer<typeof VenueSchema>;

const text = (max: number) => z.string().trim().min(1).max(max);

export const CreateVenueBodySchema = z.strictObject({
  name: z.string().trim().min(2).max(100),
  ownerOrgId: IdSchema.describe('Owning organization; must be inside your scope'),
  address: text(200).optional(),
  longitude: LongitudeSchema.optional(),
  latitude: LatitudeSchema.optional(),
  capacity: z.number().int().min(1).max(100_000).optional(),
  facilities: z.array(text(40)).max(40).default([]),
  openHours: text(100).optional(),
  contactPerson: text(50).optional(),
  contactPhone: ContactPhoneSchema.optional(),
  description: text(2000).optional(),
});
export type CreateVenueBody = z.infer<typeof CreateVenueBodySchema>;

export const UpdateVenueBodySchema = z.strictObject({
  name: CreateVenueBodySchema.shape.name.optional(),
  ownerOrgId: IdSchema.optional(),
  address: text(200).nullable().optional(),
  longitude: LongitudeSchema.nullable().optional(),
  latitude: LatitudeSchema.nullable().optional(),
  capacity: z.number().int().min(1).max(100_000).nullable().optional(),
  facilities: z.array(text(40)).max(40).optional(),
  openHours: text(100).nullable().optional(),
  contactPerson: text(50).nullable().optional(),
  contactPhone: ContactPhoneSchema.nullable().optional(),
  description: text(2000).nullable().optional(),
});
export type UpdateVenueBody = z.infer<typeof UpdateVenueBodySchema>;

export const ListVenuesQuerySchema = PageQuerySchema.extend({
  keyword: z.string().trim().max(100).optional(),
  ownerOrgId: IdSchema.optional().describe('Venues owned by this organization or its subtree'),
});
export type ListVenuesQuery = z.infer<typeof ListVenuesQuerySchema>;
