import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Str, StrList, Version } from '../common/openapi/schema-props';
import { IsInt, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';

/** The common part of every `POST …/transitions` body. Modules extend it with their event's fields. */
export class TransitionRequestDto {
  @ApiProperty({ description: 'The event to fire' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  event: string;

  @ApiPropertyOptional({ description: 'The version the caller last saw; 409 VERSION_CONFLICT if it moved on' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  reason?: string;
}

/** `GET …/{id}/transitions`: the state, the version and the events the caller may fire now. */
export class AllowedTransitionsDto {
  @Str(64) state: string;
  @Str(64, { required: false, description: 'Licenses: the status (same as `state`)' }) status?: string;
  @Version() version: number;
  @StrList(100, 64, { description: 'Events this caller may fire from the current state' }) allowed: string[];
}
