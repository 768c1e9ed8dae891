import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';

export class SigningSettingsDto {
  @ApiProperty({
    type: String,
    nullable: true,
    example: '/etc/gis-licensing/stttt-na.p12',
    description:
      'Absolute path, on the servers, of the PKCS#12 file holding the authority’s certificate and RSA key; ' +
      'null → the development certificate (documents marked not valid for use)',
  })
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MinLength(2)
  @MaxLength(1000)
  @Matches(/^\/[^\0]*$/, { message: 'certificateFile must be an absolute path' })
  certificateFile: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'SIGNING_STTTT_NA_PASSPHRASE',
    description:
      'Name of the environment variable (SIGNING_…) that holds the file’s passphrase on every server; ' +
      'the passphrase itself is never sent, stored or logged',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(72)
  @Matches(/^SIGNING_[A-Z0-9_]{1,64}$/, { message: 'passphraseEnv must be SIGNING_ followed by A-Z, 0-9 or _' })
  passphraseEnv?: string | null;
}

export class SignerIdentityDto {
  @ApiProperty({ example: 'CN=Sở Văn hóa, Thể thao và Du lịch Nghệ An\nO=UBND tỉnh Nghệ An\nC=VN', maxLength: 4000 })
  subject: string;
  @ApiProperty({ example: 'Sở Văn hóa, Thể thao và Du lịch Nghệ An', maxLength: 1000 }) commonName: string;
  @ApiProperty({ nullable: true, type: String, maxLength: 1000 }) organization: string | null;
  @ApiProperty({ maxLength: 4000 }) issuer: string;
  @ApiProperty({ example: '01A3F2', maxLength: 200, pattern: '^[0-9A-Fa-f]*$' }) serialNumber: string;
  @ApiProperty({ format: 'date-time', maxLength: 40 }) notBefore: string;
  @ApiProperty({ format: 'date-time', maxLength: 40 }) notAfter: string;
  @ApiProperty({
    description: 'SHA-256 of the certificate (DER), lower-case hex',
    maxLength: 64,
    pattern: '^[0-9a-f]{64}$',
  })
  fingerprintSha256: string;
  @ApiProperty({ description: 'A development certificate: documents it signs are not valid for use' })
  development: boolean;
}

export class SigningSettingsView {
  @ApiProperty({ nullable: true, type: String, maxLength: 1000 }) certificateFile: string | null;
  @ApiProperty({ nullable: true, type: String, maxLength: 80, pattern: '^SIGNING_[A-Z0-9_]{1,64}$' }) passphraseEnv:
    string | null;
  @ApiProperty({ type: SignerIdentityDto, description: 'The certificate documents are signed with now' })
  signer: SignerIdentityDto;
}

export class DocumentSignatureDto {
  @ApiProperty({
    enum: ['VALID', 'INVALID', 'UNSIGNED', 'SIGNER_MISMATCH'],
    description:
      'VALID: the document is unchanged since it was signed with the certificate recorded at issuance; INVALID: ' +
      'changed after signing; UNSIGNED: issued before documents were signed; SIGNER_MISMATCH: signed with ' +
      'another certificate than the one the authority signed it with',
  })
  status: 'VALID' | 'INVALID' | 'UNSIGNED' | 'SIGNER_MISMATCH';
  @ApiProperty({ description: 'status is VALID' }) valid: boolean;
  @ApiProperty({ type: SignerIdentityDto, nullable: true }) signer: SignerIdentityDto | null;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    maxLength: 40,
    description: 'Claimed signing time (/M)',
  })
  signedAt: string | null;
  @ApiProperty({ description: 'Signed with a development certificate: not valid for use' }) development: boolean;
  @ApiProperty({ description: 'Signature format', example: 'PAdES-B-B (ETSI.CAdES.detached, SHA-256)', maxLength: 200 })
  format: string;
}

export class LicenseSignatureDto extends DocumentSignatureDto {
  @ApiProperty({
    description: 'The license version whose PDF was checked (the latest)',
    type: 'integer',
    format: 'int32',
    minimum: 1,
    maximum: 2_147_483_647,
  })
  version: number;
  @ApiProperty({
    description: 'SHA-256 of that PDF as served, lower-case hex',
    maxLength: 64,
    pattern: '^[0-9a-f]{64}$',
  })
  sha256: string;
  @ApiProperty({ description: 'The served PDF is byte for byte the one recorded at issuance' })
  matchesRecordedDigest: boolean;
}
