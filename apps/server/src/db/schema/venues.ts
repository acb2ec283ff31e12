import { doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations.js';

/** 阵地 · 党群活动中心: places where organizations meet; bookings come with the meetings module. */
export const venues = pgTable(
  'venues',
  {
    id: uuid().primaryKey(),
    name: text().notNull(),
    ownerOrgId: uuid()
      .notNull()
      .references(() => organizations.id),
    address: text(),
    longitude: doublePrecision(),
    latitude: doublePrecision(),
    capacity: integer(),
    facilities: jsonb().$type<string[]>().notNull().default([]),
    openHours: text(),
    contactPerson: text(),
    contactPhone: text(),
    description: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('venues_owner_org_id_idx').on(t.ownerOrgId)],
);
