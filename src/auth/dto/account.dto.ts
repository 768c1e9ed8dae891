import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class ChangePasswordDto {
  @ApiProperty({ description: 'The password in use now', maxLength: 128 })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  currentPassword: string;

  @ApiProperty({ description: 'At least 10 characters, not a common password', minLength: 10, maxLength: 128 })
  @IsString()
  @MaxLength(128)
  newPassword: string;
}

export class ForgotPasswordDto {
  @ApiProperty({ example: 'owner@example.vn', maxLength: 254 })
  @IsEmail()
  @MaxLength(254)
  email: string;
}

/** An e-mailed token: 32 random bytes, base64url. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export class ResetPasswordDto {
  @ApiProperty({
    description: 'The token from the e-mail',
    pattern: TOKEN_PATTERN.source,
    minLength: 43,
    maxLength: 43,
  })
  @IsString()
  @Matches(TOKEN_PATTERN, { message: 'token must be the code from the e-mail' })
  token: string;

  @ApiProperty({ description: 'At least 10 characters, not a common password', minLength: 10, maxLength: 128 })
  @IsString()
  @MaxLength(128)
  newPassword: string;
}

export class VerifyEmailDto {
  @ApiProperty({
    description: 'The token from the e-mail',
    pattern: TOKEN_PATTERN.source,
    minLength: 43,
    maxLength: 43,
  })
  @IsString()
  @Matches(TOKEN_PATTERN, { message: 'token must be the code from the e-mail' })
  token: string;
}

export class AdminPasswordResetDto {
  @ApiPropertyOptional({
    description: 'A temporary password to set (for deployments without e-mail); without it, a reset link is e-mailed',
    minLength: 10,
    maxLength: 128,
  })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  temporaryPassword?: string;
}

export class AcceptedDto {
  @ApiProperty({
    enum: ['EMAIL_SENT_IF_ACCOUNT_EXISTS', 'VERIFICATION_EMAIL_SENT'],
    description: 'What happens next, the same whatever the e-mail address',
    example: 'EMAIL_SENT_IF_ACCOUNT_EXISTS',
  })
  status: string;
}

export class AdminPasswordResetResponseDto {
  @ApiProperty({ description: 'Every token of the account has ended' })
  tokensRevoked: boolean;

  @ApiProperty({ description: 'A reset link was queued for e-mail (false when a temporary password was set)' })
  resetLinkQueued: boolean;
}
