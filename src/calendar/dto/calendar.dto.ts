import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { DomainError } from '../../common/domain-error';

/** Years the calendar API accepts (the lunar conversion behind the statutory default covers them). */
export const CALENDAR_MIN_YEAR = 2000;
export const CALENDAR_MAX_YEAR = 2199;

/** `{year}` in the path: a whole number within the supported years, else 400 naming the field. */
@Injectable()
export class CalendarYearPipe implements PipeTransform<string, number> {
  transform(value: string, _meta: ArgumentMetadata): number {
    const year = /^\d{4}$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isInteger(year) || year < CALENDAR_MIN_YEAR || year > CALENDAR_MAX_YEAR) {
      throw DomainError.validation('Invalid year', [
        { field: 'year', message: `must be a year from ${CALENDAR_MIN_YEAR} to ${CALENDAR_MAX_YEAR}` },
      ]);
    }
    return year;
  }
}

export class NonWorkingDayDto {
  @ApiProperty({ example: '2026-02-16', description: 'YYYY-MM-DD, inside the year of the table' })
  @IsString()
  @MaxLength(10)
  date: string;

  @ApiProperty({ example: 'Tết Nguyên đán', description: 'Why the day is off (Vietnamese)' })
  @IsString()
  @MaxLength(200)
  name: string;
}

/** `PUT /calendar/{year}`: the whole table of the year, replacing the previous one. */
export class ReplaceCalendarYearDto {
  @ApiPropertyOptional({ description: 'If given, must equal the year in the path' })
  @IsOptional()
  @IsInt()
  year?: number;

  @ApiProperty({ type: [NonWorkingDayDto], description: 'Holidays, substitute days and swapped days off' })
  @IsArray()
  @ArrayMaxSize(366)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => NonWorkingDayDto)
  nonWorkingDays: NonWorkingDayDto[];

  @ApiProperty({ type: [String], example: ['2026-01-10'], description: 'Saturdays/Sundays worked by a swap notice' })
  @IsArray()
  @ArrayMaxSize(110)
  @IsString({ each: true })
  @MaxLength(10, { each: true })
  workingWeekends: string[];
}

export class CalendarYearView {
  @ApiProperty({
    type: 'integer',
    format: 'int32',
    minimum: CALENDAR_MIN_YEAR,
    maximum: CALENDAR_MAX_YEAR,
    example: 2026,
  })
  year: number;

  @ApiProperty({
    enum: ['table', 'statutory'],
    description: "'table': the admin's table; 'statutory': no table for this year, the default from the Labor Code",
  })
  source: 'table' | 'statutory';

  @ApiProperty({ type: [NonWorkingDayDto], maxItems: 366 }) nonWorkingDays: NonWorkingDayDto[];
  @ApiProperty({ type: [String], maxItems: 110, format: 'date', maxLength: 10 }) workingWeekends: string[];
  @ApiProperty({ nullable: true, type: String, format: 'date-time', maxLength: 40 }) updatedAt: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', maxLength: 36 }) updatedBy: string | null;
}
