import {
  type CreateVenueBody,
  type ListVenuesQuery,
  type Page,
  parseSorter,
  type UpdateVenueBody,
  type Venue,
} from '@red-engine/shared';
import type { Actor, RequestContext } from '../../core/actor.js';
import { fieldError, notFound } from '../../core/errors.js';
import { MESSAGES } from '../../core/messages.js';
import { scopePaths } from '../../core/scope.js';
import { inTransaction } from '../../core/transaction.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { createOrgRepository } from '../org/index.js';
import { toVenueDto, venueAuditView } from './venue.mapper.js';
import { createVenueRepository, type NewVenueRow, type VenueRow } from './venue.repository.js';

export function createVenueService(deps: { db: Db }) {
  const { db } = deps;
  const venues = createVenueRepository(db);
  const orgs = createOrgRepository(db);

  async function toDtos(rows: VenueRow[], tx: DbOrTx = db): Promise<Venue[]> {
    const names = await venues.ownerNames(rows, tx);
    return rows.map((r) => toVenueDto(r, names.get(r.ownerOrgId) ?? ''));
  }

  /** The owning organization, which must lie inside the actor's write scope. */
  async function ownerInScope(actor: Actor, ownerOrgId: string, tx: DbOrTx) {
    const owner = await orgs.findInScope(scopePaths(actor, 'venue:write'), ownerOrgId, tx);
    if (!owner) throw fieldError('body.ownerOrgId', MESSAGES.ownerOrgOutOfScope);
    return owner;
  }

  return {
    async list(actor: Actor, q: ListVenuesQuery): Promise<Page<Venue>> {
      const sort = parseSorter(q.sorter, ['name', 'capacity', 'createdAt'] as const);
      const { rows, total } = await venues.list(scopePaths(actor, 'venue:read'), q, sort);
      return { data: await toDtos(rows), total, current: q.current, pageSize: q.pageSize };
    },

    async get(actor: Actor, id: string): Promise<Venue> {
      const row = await venues.findVisible(scopePaths(actor, 'venue:read'), id);
      if (!row) throw notFound();
      return (await toDtos([row]))[0]!;
    },

    async create(ctx: RequestContext, body: CreateVenueBody): Promise<Venue> {
      return inTransaction(db, ctx, async (tx, audit) => {
        const owner = await ownerInScope(ctx.actor!, body.ownerOrgId, tx);
        const row = await venues.insert(
          {
            id: crypto.randomUUID(),
            name: body.name,
            ownerOrgId: owner.id,
            address: body.address ?? null,
            longitude: body.longitude ?? null,
            latitude: body.latitude ?? null,
            capacity: body.capacity ?? null,
            facilities: body.facilities,
            openHours: body.openHours ?? null,
            contactPerson: body.contactPerson ?? null,
            contactPhone: body.contactPhone ?? null,
            description: body.description ?? null,
          },
          tx,
        );
        audit.record({
          action: 'venue.create',
          entity: 'venue',
          entityId: row.id,
          orgPath: owner.path,
          after: venueAuditView(row),
        });
        return (await toDtos([row], tx))[0]!;
      });
    },

    async update(ctx: RequestContext, id: string, body: UpdateVenueBody): Promise<Venue> {
      const actor = ctx.actor!;
      return inTransaction(db, ctx, async (tx, audit) => {
        const before = await venues.findOwned(scopePaths(actor, 'venue:write'), id, tx);
        if (!before) throw notFound();
        const owner = await ownerInScope(actor, body.ownerOrgId ?? before.ownerOrgId, tx);
        const patch: Partial<NewVenueRow> = {};
        for (const [k, v] of Object.entries(body)) if (v !== undefined) (patch as Record<string, unknown>)[k] = v;
        const after = await venues.update(id, patch, tx);
        audit.record({
          action: 'venue.update',
          entity: 'venue',
          entityId: id,
          orgPath: owner.path,
          before: venueAuditView(before),
          after: venueAuditView(after),
        });
        return (await toDtos([after], tx))[0]!;
      });
    },

    async remove(ctx: RequestContext, id: string): Promise<void> {
      await inTransaction(db, ctx, async (tx, audit) => {
        const before = await venues.findOwned(scopePaths(ctx.actor!, 'venue:write'), id, tx);
        if (!before) throw notFound();
        const owner = (await orgs.findById(before.ownerOrgId, tx))!;
        await venues.remove(id, tx);
        audit.record({
          action: 'venue.delete',
          entity: 'venue',
          entityId: id,
          orgPath: owner.path,
          before: venueAuditView(before),
        });
      });
    },
  };
}
export type VenueService = ReturnType<typeof createVenueService>;
