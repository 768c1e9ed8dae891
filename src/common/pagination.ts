import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/**
 * The last page anyone may ask for: 10,000 pages of 100 rows. Beyond it an offset means nothing to a person and
 * `?page=1e20` would reach PostgreSQL as an out-of-range OFFSET (a 500).
 */
export const MAX_PAGE = 10_000;
/** The same bound, under the name the OpenAPI helpers use. */
export const PAGE_MAX = MAX_PAGE;

/** `?page=1&pageSize=20` (max 100), shared by every list endpoint. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize: number = 20;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function pageOf<T>(items: T[], total: number | string, q: PageQuery): Page<T> {
  return { items, total: Number(total), page: q.page, pageSize: q.pageSize };
}

export function offsetOf(q: PageQuery): number {
  return (q.page - 1) * q.pageSize;
}
