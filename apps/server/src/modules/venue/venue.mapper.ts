import type { Venue } from '@red-engine/shared';
import type { VenueRow } from './venue.repository.js';

export function toVenueDto(row: VenueRow, ownerName: string): Venue {
  return {
    id: row.id,
    name: row.name,
    ownerOrgId: row.ownerOrgId,
    ownerOrgName: ownerName,
    address: row.address,
    longitude: row.longitude,
    latitude: row.latitude,
    capacity: row.capacity,
    facilities: row.facilities,
    openHours: row.openHours,
    contactPerson: row.contactPerson,
    contactPhone: row.contactPhone,
    description: row.description,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What an audit event keeps of a venue. */
export const venueAuditView = (row: VenueRow) => ({
  name: row.name,
  ownerOrgId: row.ownerOrgId,
  address: row.address,
  longitude: row.longitude,
  latitude: row.latitude,
  capacity: row.capacity,
  facilities: row.facilities,
  openHours: row.openHours,
  contactPerson: row.contactPerson,
  contactPhone: row.contactPhone,
  description: row.description,
});
