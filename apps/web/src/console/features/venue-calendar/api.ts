import type { Venue, VenueBooking } from '@red-engine/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/http';
import { meetingKeys } from '../meetings/api';
import { venueKeys } from '../venues/api';

/** The server lists at most this many bookings per request (a month grid holds far fewer). */
export const BOOKINGS_LIMIT = 500;

/**
 * A venue's bookings in [from, to) (ISO instants). The key sits under the meetings module's, so planning, editing
 * or cancelling a meeting refreshes the calendar.
 */
export function useVenueBookings(venueId: string | undefined, from: string, to: string, includeCancelled: boolean) {
  return useQuery({
    queryKey: [...meetingKeys.all, 'venue-bookings', venueId, from, to, includeCancelled],
    queryFn: () =>
      api.get<VenueBooking[]>(`/venues/${venueId}/bookings`, {
        from,
        to,
        includeCancelled: includeCancelled ? 'true' : undefined,
      }),
    enabled: Boolean(venueId),
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
}

export function useVenue(venueId: string | undefined) {
  return useQuery({
    queryKey: [...venueKeys.all, 'detail', venueId],
    queryFn: () => api.get<Venue>(`/venues/${venueId}`),
    enabled: Boolean(venueId),
    meta: { silent: true },
  });
}
