export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/**
 * The last page anyone may ask for: far past any real list, and small enough that
 * (page - 1) × MAX_PAGE_SIZE stays an exact integer for the database's OFFSET.
 */
export const MAX_PAGE = 1_000_000;

export interface PageRequest {
  page: number;
  pageSize: number;
}

export interface Pagination {
  page: number;
  page_size: number;
  total: number;
  total_pages: number;
}

/** Clamp a page request: page within 1..MAX_PAGE, size within 1..MAX_PAGE_SIZE. */
export function pageRequest(page?: number, pageSize?: number): PageRequest {
  const p = Number.isInteger(page) && (page as number) > 0 ? Math.min(page as number, MAX_PAGE) : 1;
  const raw = Number.isInteger(pageSize) && (pageSize as number) > 0 ? (pageSize as number) : DEFAULT_PAGE_SIZE;
  return { page: p, pageSize: Math.min(raw, MAX_PAGE_SIZE) };
}

/** Rows to skip and take for a page request (what every store passes to its query). */
export function pageWindow(request: PageRequest): { skip: number; take: number } {
  return { skip: (request.page - 1) * request.pageSize, take: request.pageSize };
}

export function pagination(request: PageRequest, total: number): Pagination {
  return {
    page: request.page,
    page_size: request.pageSize,
    total,
    total_pages: total === 0 ? 0 : Math.ceil(total / request.pageSize),
  };
}
