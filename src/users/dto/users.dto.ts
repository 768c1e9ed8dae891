import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ROLES, type Role } from '../../auth/roles';
import { PageQuery } from '../../common/pagination';
import { TransitionRequestDto } from '../../workflow/transition.dto';

export class CreateUserDto {
  @ApiProperty() @IsEmail() @MaxLength(254) email: string;
  @ApiProperty({ minLength: 10 }) @IsString() @MaxLength(128) password: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) fullName: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: Role;

  @ApiPropertyOptional({ description: 'Required for appraiser, approver and inspector; refused for the others' })
  @IsOptional()
  @IsUUID()
  authorityId?: string;

  @ApiPropertyOptional({ description: 'Required for a site_owner account: the organization it belongs to' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

export class UsersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional() @IsOptional() @IsUUID() authorityId?: string;
}

export class AccountTransitionDto extends TransitionRequestDto {}
