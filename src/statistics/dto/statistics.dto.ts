import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsIsoDate } from '../../common/is-iso-date';

/** The period of the authority's half-yearly report upward (Circular 09/2014 art. 9: before 31 January and 31 July). */
export class StatisticsQuery {
  @ApiProperty({ example: '2026-01-01', description: 'First day of the period (inclusive)' })
  @IsIsoDate()
  from: string;

  @ApiProperty({ example: '2026-06-30', description: 'Last day of the period (inclusive)' })
  @IsIsoDate()
  to: string;

  @ApiPropertyOptional({ description: 'Admin only: the authority (all authorities when absent)' })
  @IsOptional()
  @IsUUID()
  authorityId?: string;
}
