import { z } from 'zod';

export const MAX_PAGE_SIZE = 200;

export const SortOrderSchema = z.enum(['ascend', 'descend']);

export const PageQuerySchema = z.object({
  current: z.coerce.number().int().min(1).max(1_000_000).default(1).describe('Page number, starting at 1'),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(20)
    .describe(`Rows per page, at most ${MAX_PAGE_SIZE}`),
  sorter: z
    .string()
    .max(200)
    .optional()
    .describe('Sort as "field:ascend" or "field:descend", or JSON {"field":"ascend"}'),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    data: z.array(item),
    total: z.number().int(),
    current: z.number().int(),
    pageSize: z.number().int(),
  });

export type Page<T> = { data: T[]; total: number; current: number; pageSize: number };

/** Parses the ProTable-style sorter into a field and direction, restricted to the allowed fields. */
export function parseSorter<F extends string>(
  sorter: string | undefined,
  allowed: readonly F[],
): { field: F; order: 'ascend' | 'descend' } | undefined {
  if (!sorter) return undefined;
  let field: string | undefined;
  let order: string | undefined;
  if (sorter.trim().startsWith('{')) {
    try {
      const parsed = JSON.parse(sorter) as Record<string, unknown>;
      const first = Object.entries(parsed)[0];
      if (first) [field, order] = [first[0], String(first[1])];
    } catch {
      return undefined;
    }
  } else {
    [field, order] = sorter.split(':');
  }
  if (!field || !(allowed as readonly string[]).includes(field)) return undefined;
  return { field: field as F, order: order === 'descend' ? 'descend' : 'ascend' };
}
