import type { Page } from '@red-engine/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TablePaginationConfig, TableProps } from 'antd';
import type { FilterValue, SorterResult } from 'antd/es/table/interface';
import { useCallback, useState } from 'react';
import type { QueryParams } from './http';

/** What a ProTable-style table asks for: page, page size, sort and column filters. */
export interface TableRequest {
  current: number;
  pageSize: number;
  sorter?: { field: string; order: 'ascend' | 'descend' };
  filters?: Record<string, FilterValue | null>;
}

/** `{ current, pageSize, sorter, filters }` + form filters → the API's query parameters. */
export function toQueryParams(req: TableRequest, extra: QueryParams = {}): QueryParams {
  const params: QueryParams = { current: req.current, pageSize: req.pageSize, ...extra };
  if (req.sorter) params.sorter = `${req.sorter.field}:${req.sorter.order}`;
  for (const [key, value] of Object.entries(req.filters ?? {})) {
    if (value === null || value === undefined || value.length === 0) continue;
    // Our list endpoints take one value per filter.
    params[key] = String(value[0]);
  }
  return params;
}

/** The API's `Page<T>` → what antd's Table wants. */
export function toTableProps<T>(page: Page<T> | undefined): { dataSource: T[]; pagination: TablePaginationConfig } {
  return {
    dataSource: page?.data ?? [],
    pagination: {
      current: page?.current ?? 1,
      pageSize: page?.pageSize ?? 20,
      total: page?.total ?? 0,
      showSizeChanger: true,
      pageSizeOptions: [10, 20, 50, 100],
    },
  };
}

function sorterOf<T>(sorter: SorterResult<T> | SorterResult<T>[]): TableRequest['sorter'] {
  const s = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!s?.order) return undefined;
  const field = Array.isArray(s.field) ? s.field.join('.') : s.field;
  return field === undefined ? undefined : { field: String(field), order: s.order };
}

export interface UseProTableOptions<T> {
  /** Cache key prefix, e.g. orgKeys.lists(). */
  queryKey: readonly unknown[];
  request: (params: QueryParams) => Promise<Page<T>>;
  /** Filters from the search form (keyword, type…); changing them goes back to page 1. */
  params?: QueryParams;
  defaultPageSize?: number;
  enabled?: boolean;
}

/** A small ProTable: owns page/sort/column-filter state, fetches with react-query, returns Table props. */
export function useProTable<T>({
  queryKey,
  request,
  params = {},
  defaultPageSize = 20,
  enabled = true,
}: UseProTableOptions<T>) {
  const [state, setState] = useState<TableRequest>({ current: 1, pageSize: defaultPageSize });
  const [lastParams, setLastParams] = useState(JSON.stringify(params));
  const paramsKey = JSON.stringify(params);
  let req = state;
  if (paramsKey !== lastParams) {
    // New search: restart from the first page (state is adjusted during render, React's recommended way).
    req = { ...state, current: 1 };
    setLastParams(paramsKey);
    setState(req);
  }
  const query = toQueryParams(req, params);
  const result = useQuery({
    queryKey: [...queryKey, query],
    queryFn: () => request(query),
    placeholderData: keepPreviousData,
    enabled,
  });

  const onChange = useCallback<NonNullable<TableProps<T>['onChange']>>((pagination, filters, sorter) => {
    setState((prev) => ({
      current: pagination.pageSize !== prev.pageSize ? 1 : (pagination.current ?? 1),
      pageSize: pagination.pageSize ?? prev.pageSize,
      sorter: sorterOf(sorter),
      filters,
    }));
  }, []);

  const { dataSource, pagination } = toTableProps(result.data);
  return {
    tableProps: {
      dataSource,
      loading: result.isFetching,
      pagination: { ...pagination, current: req.current, pageSize: req.pageSize },
      onChange,
    } satisfies Partial<TableProps<T>>,
    total: result.data?.total ?? 0,
    refetch: result.refetch,
    query: result,
  };
}
