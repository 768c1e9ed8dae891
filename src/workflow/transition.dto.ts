import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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

export class AllowedTransitionsDto {
  @ApiProperty() state: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: [String] }) allowed: string[];
}
