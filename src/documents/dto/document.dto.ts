import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { DOCUMENT_CONTENT_TYPES } from '../sniff';
import { DateTime, Int, Str, Uuid } from '../../common/openapi/schema-props';

/** The non-file field of a document upload. */
export class UploadDocumentDto {
  @ApiProperty({ example: 'APPLICATION_FORM', description: 'The requirement this document answers' })
  @IsString()
  @Matches(/^[A-Z][A-Z0-9_]{0,63}$/, { message: 'kind must be a document kind such as APPLICATION_FORM' })
  kind: string;
}

/** A stored document, as the API shows it. */
export class DocumentView {
  @Uuid() id: string;
  @Str(64, { example: 'APPLICATION_FORM', pattern: '^[A-Z][A-Z0-9_]{0,63}$' }) kind: string;
  @Str(255, { example: 'Đơn đề nghị cấp phép.pdf', description: 'Sanitized display name' }) fileName: string;
  @Int(0, Number.MAX_SAFE_INTEGER, { description: 'Bytes' }) size: number;
  @Str(64, { pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the content, lowercase hex' }) sha256: string;
  @ApiProperty({ enum: DOCUMENT_CONTENT_TYPES, description: 'Judged by the content' }) contentType: string;
  @DateTime() createdAt: Date;
  @ApiProperty({ description: 'A newer document of the same kind replaced this one' }) superseded: boolean;
  @Uuid({ required: false }) supersededBy?: string;
  @Uuid({ required: false }) uploadedBy?: string;
}
