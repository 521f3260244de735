import { pageRequest, pagination, type PageRequest } from '@scai/api';
import type { common } from './generated/index.ts';

/**
 * The one mapping between the wire's page messages and the REST paging of @scai/api, for
 * every service that lists.
 */

/** A wire page request, clamped (page from 1, size 1..100, default 20). */
export function pageFromProto(page: common.v1.PageRequest | undefined): PageRequest {
  return pageRequest(page?.page, page?.pageSize);
}

export function pageInfoToProto(page: PageRequest, total: number): common.v1.PageInfo {
  const p = pagination(page, total);
  return { page: p.page, pageSize: p.page_size, total: p.total, totalPages: p.total_pages };
}
