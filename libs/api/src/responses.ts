import { pagination, type PageRequest, type Pagination } from './pagination.ts';

export interface Meta {
  request_id: string;
}

export interface DataBody<T> {
  data: T;
  meta: Meta;
}

export interface PagedBody<T> {
  data: T[];
  pagination: Pagination;
  meta: Meta;
}

/** `{data, meta}`: a single resource or an unpaged list. */
export function dataBody<T>(data: T, requestId: string): DataBody<T> {
  return { data, meta: { request_id: requestId } };
}

/** `{data, pagination, meta}`: one page of a list. */
export function pagedBody<T>(items: T[], request: PageRequest, total: number, requestId: string): PagedBody<T> {
  return { data: items, pagination: pagination(request, total), meta: { request_id: requestId } };
}
