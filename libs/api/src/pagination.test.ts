import { describe, expect, it } from 'vitest';
import { pageRequest, pageWindow, pagination } from './pagination.ts';
import { pagedBody } from './responses.ts';

describe('pagination', () => {
  it('defaults to page 1 of 20 and clamps the size to 100', () => {
    expect(pageRequest()).toEqual({ page: 1, pageSize: 20 });
    expect(pageRequest(3, 500)).toEqual({ page: 3, pageSize: 100 });
    expect(pageRequest(0, -1)).toEqual({ page: 1, pageSize: 20 });
  });

  it('computes the window and totals', () => {
    expect(pageWindow({ page: 3, pageSize: 10 })).toEqual({ skip: 20, take: 10 });
    expect(pagination({ page: 1, pageSize: 10 }, 21)).toEqual({ page: 1, page_size: 10, total: 21, total_pages: 3 });
    expect(pagination({ page: 1, pageSize: 10 }, 0).total_pages).toBe(0);
  });

  it('wraps a page in the paged envelope', () => {
    const body = pagedBody([{ id: 'a' }], { page: 2, pageSize: 1 }, 2, 'req');
    expect(body).toEqual({
      data: [{ id: 'a' }],
      pagination: { page: 2, page_size: 1, total: 2, total_pages: 2 },
      meta: { request_id: 'req' },
    });
  });
});
