import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Enum, Int, INT32_MAX, Str, Uuid } from '../../common/openapi/schema-props';
import { ROLES } from '../roles';
import { IsEmail, IsNotEmpty, IsObject, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';

export class OrganizationInputDto {
  @ApiProperty({ example: 'Công ty Cổ phần Truyền thông Nghệ An' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  @ApiProperty({ description: 'Enterprise code or establishment decision number, e.g. 2901234567' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  @Matches(/^[\p{L}\p{N}/._-]+$/u, { message: 'registrationNumber may contain letters, digits and / . _ - only' })
  registrationNumber: string;

  @ApiProperty({ example: '12 Lê Lợi, phường Hưng Bình, Vinh, Nghệ An' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  address: string;

  @ApiProperty({ example: 'Nguyễn Văn An' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  legalRepresentative: string;

  @ApiProperty({ example: '+84 238 3844 555' })
  @IsString()
  @MaxLength(20)
  @Matches(/^\+?[0-9 ().-]{6,20}$/, { message: 'phone must be a phone number' })
  phone: string;

  @ApiProperty({ example: 'contact@example.vn' })
  @IsEmail()
  @MaxLength(254)
  email: string;
}

export class RegisterDto {
  @ApiProperty({ example: 'owner@example.vn' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 10, description: 'At least 10 characters, not a common or trivial password' })
  @IsString()
  @MaxLength(128)
  password: string;

  @ApiProperty({ example: 'Trần Thị Bình' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  @ApiProperty({ type: OrganizationInputDto })
  @IsObject()
  @ValidateNested()
  @Type(() => OrganizationInputDto)
  organization: OrganizationInputDto;
}

export class LoginDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(254) email: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(128) password: string;
}

export class LoginUserDto {
  @Uuid() id: string;
  @Str(254, { format: 'email' }) email: string;
  @Enum(ROLES) role: string;
  @Uuid({ required: false }) authorityId?: string;
  @Uuid({ required: false }) organizationId?: string;
}

export class LoginResponseDto {
  @Str(4096, { pattern: '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$', description: 'A JWT (JWS compact form)' })
  accessToken: string;
  @Int(1, INT32_MAX, { description: 'Seconds until the token expires' }) expiresIn: number;
  @ApiProperty({ type: LoginUserDto }) user: LoginUserDto;
}

export class SessionDto {
  @ApiProperty({ type: LoginUserDto }) user: LoginUserDto;
  @ApiProperty({
    maxLength: 64,
    description:
      'Send it back in the X-CSRF-Token header on every POST, PUT, PATCH and DELETE authenticated by the cookie',
  })
  csrfToken: string;
  @ApiProperty({ format: 'date-time', maxLength: 40, description: 'When the session ends (sign in again after)' })
  expiresAt: string;
}
