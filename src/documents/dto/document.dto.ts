import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { DOCUMENT_CONTENT_TYPES } from '../sniff';

/** The non-file field of a document upload. */
export class UploadDocumentDto {
  @ApiProperty({ example: 'APPLICATION_FORM', description: 'The requirement this document answers' })
  @IsString()
  @Matches(/^[A-Z][A-Z0-9_]{0,63}$/, { message: 'kind must be a document kind such as APPLICATION_FORM' })
  kind: string;
}

/** A stored document, as the API shows it. */
export class DocumentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'APPLICATION_FORM' }) kind: string;
  @ApiProperty({ example: 'Đơn đề nghị cấp phép.pdf', description: 'Sanitized display name' }) fileName: string;
  @ApiProperty({ description: 'Bytes' }) size: number;
  @ApiProperty({ description: 'SHA-256 of the content, lowercase hex' }) sha256: string;
  @ApiProperty({ enum: DOCUMENT_CONTENT_TYPES, description: 'Judged by the content' }) contentType: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ description: 'A newer document of the same kind replaced this one' }) superseded: boolean;
  @ApiPropertyOptional({ format: 'uuid' }) supersededBy?: string;
  @ApiPropertyOptional({ format: 'uuid' }) uploadedBy?: string;
}
