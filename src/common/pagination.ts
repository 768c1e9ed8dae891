import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The largest page number a list accepts: far past any list's end, and its offset stays a safe integer. */
export const PAGE_MAX = 1_000_000;

/** `?page=1&pageSize=20` (max 100), shared by every list endpoint. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: PAGE_MAX, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_MAX)
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
