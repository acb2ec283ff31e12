import type { CreateVenueBody, Page, UpdateVenueBody, Venue } from '@red-engine/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from '../../../lib/http';

export const venueKeys = {
  all: ['venues'] as const,
  lists: () => [...venueKeys.all, 'list'] as const,
};

export const venueApi = {
  list: (params: QueryParams) => api.get<Page<Venue>>('/venues', params),
  create: (body: CreateVenueBody) => api.post<Venue>('/venues', body),
  update: (id: string, body: UpdateVenueBody) => api.patch<Venue>(`/venues/${id}`, body),
  remove: (id: string) => api.del(`/venues/${id}`),
};

export function useSaveVenue() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CreateVenueBody | UpdateVenueBody }) =>
      id ? venueApi.update(id, body as UpdateVenueBody) : venueApi.create(body as CreateVenueBody),
    onSuccess: () => qc.invalidateQueries({ queryKey: venueKeys.all }),
    meta: { silent: true },
  });
}

export function useDeleteVenue() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => venueApi.remove(id),
    onSuccess: () => qc.invalidateQueries({ queryKey: venueKeys.all }),
  });
}
