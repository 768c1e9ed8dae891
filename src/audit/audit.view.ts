import { ApiProperty } from '@nestjs/swagger';
import { Bool, DateTime, Json, Str, Uuid } from '../common/openapi/schema-props';

export class AuditEventView {
  @ApiProperty({ type: 'integer', format: 'int64', minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) id: number;
  @DateTime() at: Date;
  @Uuid({ nullable: true }) actorId: string | null;
  @Str(32) actorRole: string;
  @Uuid({ nullable: true }) authorityId: string | null;
  @Uuid({ nullable: true }) organizationId: string | null;
  @Str(128, { example: 'application.SUBMIT' }) action: string;
  @Str(64) entityType: string;
  @Str(128) entityId: string;
  @Json() data: Record<string, unknown>;
  @Str(64, { pattern: '^[0-9a-f]{64}$' }) prevHash: string;
  @Str(64, { pattern: '^[0-9a-f]{64}$' }) hash: string;
}

export class AuditVerifyView {
  @Bool({ description: 'Every link and every event’s content checks' }) valid: boolean;
  @ApiProperty({ type: 'integer', format: 'int64', minimum: 0, maximum: Number.MAX_SAFE_INTEGER }) checked: number;
  @ApiProperty({
    type: 'integer',
    format: 'int64',
    minimum: 1,
    maximum: Number.MAX_SAFE_INTEGER,
    required: false,
    description: 'The first event whose link or content does not check',
  })
  firstBrokenId?: number;
}
