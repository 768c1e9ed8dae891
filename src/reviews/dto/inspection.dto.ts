import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate } from '../../common/is-iso-date';
import { PageQuery } from '../../common/pagination';
import { TransitionRequestDto } from '../../workflow/transition.dto';
import { INSPECTION_STATES, type InspectionState } from '../inspection.machine';

export const INSPECTION_KINDS = ['PERIODIC', 'AD_HOC'] as const;

export class TeamMemberDto {
  @ApiProperty({ example: 'Nguyễn Thị Hoa' }) @IsString() @IsNotEmpty() @MaxLength(200) fullName: string;
  @ApiProperty({ example: 'Thanh tra viên' }) @IsString() @IsNotEmpty() @MaxLength(200) position: string;
  @ApiPropertyOptional({ example: 'Trưởng đoàn' }) @IsOptional() @IsString() @MaxLength(100) role?: string;
}

export class RemedyDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) description: string;
  @ApiPropertyOptional({ example: '2026-12-31' }) @IsOptional() @IsIsoDate() dueOn?: string;
}

export class CreateInspectionDto {
  @ApiProperty() @IsUUID() licenseId: string;
  @ApiProperty({ example: '2026-12-15' }) @IsIsoDate() scheduledOn: string;
  @ApiProperty({ enum: INSPECTION_KINDS }) @IsIn(INSPECTION_KINDS) kind: (typeof INSPECTION_KINDS)[number];

  @ApiProperty({ description: 'What is checked (sources, citation, ads, domain and servers, homepage disclosure…)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  scope: string;

  @ApiPropertyOptional({ description: "Where the inspection takes place; default the licensee's head office" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  place?: string;

  @ApiPropertyOptional({ type: [TeamMemberDto], description: 'Default: the inspector, as head of the team' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => TeamMemberDto)
  team?: TeamMemberDto[];
}

export class InspectionTransitionDto extends TransitionRequestDto {
  @ApiPropertyOptional({ type: [String], description: 'COMPLETE: what the team found, one item per finding' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(4000, { each: true })
  findings?: string[];

  @ApiPropertyOptional({ description: 'COMPLETE: the conclusion of the record' })
  @IsOptional()
  @IsString()
  @MaxLength(8000)
  conclusion?: string;

  @ApiPropertyOptional({ type: [RemedyDto], description: 'COMPLETE: remedies requested, with deadlines' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => RemedyDto)
  remedies?: RemedyDto[];
}

export class InspectionsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: INSPECTION_STATES }) @IsOptional() @IsIn(INSPECTION_STATES) state?: InspectionState;
  @ApiPropertyOptional({ enum: INSPECTION_KINDS }) @IsOptional() @IsIn(INSPECTION_KINDS) kind?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() licenseId?: string;
}
