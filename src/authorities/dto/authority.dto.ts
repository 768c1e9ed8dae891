import { Uuid, Str } from '../../common/openapi/schema-props';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { STAFF_ROLES, type StaffRole } from '../../auth/roles';

export class CreateAuthorityDto {
  @ApiProperty({ example: 'STTTT-NA', description: 'Upper-case letters, digits, _ and -' })
  @MaxLength(32)
  @Matches(/^[A-Z0-9_-]{2,32}$/, { message: 'code must be 2–32 upper-case letters, digits, _ or -' })
  code: string;

  @ApiProperty({ example: 'Sở Thông tin và Truyền thông' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  @ApiProperty({ example: 'Nghệ An' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  province: string;

  @ApiProperty({ description: 'Appended to the sequence, e.g. GP-STTTT gives 44/GP-STTTT' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  @Matches(/^[\p{L}\p{N}./-]+$/u, { message: 'licenseNumberSuffix may contain letters, digits, . / and - only' })
  licenseNumberSuffix: string;

  @ApiPropertyOptional({ example: 'UBND TỈNH NGHỆ AN' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  parentBody?: string;

  @ApiPropertyOptional({ example: 'GIÁM ĐỐC' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  signerTitle?: string;

  @ApiPropertyOptional({ example: 'Nguyễn Văn Hùng' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  signerName?: string;

  @ApiPropertyOptional({ example: 'Asia/Ho_Chi_Minh' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;

  @ApiPropertyOptional({
    example:
      'Căn cứ Quyết định số 12/2025/QĐ-UBND ngày 20 tháng 02 năm 2025 của Ủy ban nhân dân tỉnh Nghệ An quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Văn hóa, Thể thao và Du lịch;',
    description: 'The "Căn cứ" line of the authority\'s own function decision, printed on its documents',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  @Matches(/^Căn cứ /u, { message: 'functionBasis must start with "Căn cứ "' })
  functionBasis?: string;
}

export class StaffQuery {
  @ApiPropertyOptional({ enum: STAFF_ROLES, description: 'Only this role' })
  @IsOptional()
  @IsIn(STAFF_ROLES)
  role?: StaffRole;
}

export class StaffMemberDto {
  @Uuid() id: string;
  @Str(200, { example: 'Nguyễn Thị Thu' }) fullName: string;
  @Str(254, { format: 'email', example: 'thu.nt@stttt.nghean.gov.vn' }) email: string;
  @ApiProperty({ enum: STAFF_ROLES }) role: string;
}
