import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROBLEM_LIMITS } from '../problem-details';

/** One invalid member of the request (`errors[]` of a 400). */
export class FieldErrorDto {
  @ApiProperty({
    maxLength: PROBLEM_LIMITS.field,
    example: 'organization.email',
    description: 'The member, dotted and indexed (`site.domains[0]`); empty when the request as a whole is at fault',
  })
  field: string;

  @ApiProperty({ maxLength: PROBLEM_LIMITS.message, example: 'email must be an email' })
  message: string;
}

/**
 * An RFC 9457 problem document: the body of every error answer, `application/problem+json`. `code` is the stable
 * machine code clients branch on; `type` is derived from it.
 */
export class ProblemDto {
  @ApiProperty({
    maxLength: 200,
    example: 'urn:problem:gis-licensing:validation-failed',
    description: 'A URN naming the code',
  })
  type: string;

  @ApiProperty({ maxLength: 200, example: 'Bad Request', description: 'The HTTP status phrase' })
  title: string;

  @ApiProperty({ type: 'integer', format: 'int32', minimum: 400, maximum: 599, example: 400 })
  status: number;

  @ApiProperty({
    maxLength: PROBLEM_LIMITS.detail,
    example: 'The request is invalid',
    description: 'What went wrong, for people',
  })
  detail: string;

  @ApiProperty({
    maxLength: 64,
    pattern: '^[A-Z][A-Z0-9_]*$',
    example: 'VALIDATION_FAILED',
    description: 'Stable machine code (SCREAMING_SNAKE); see docs/api.md for the list',
  })
  code: string;

  @ApiPropertyOptional({
    type: [FieldErrorDto],
    maxItems: PROBLEM_LIMITS.errors,
    description: 'Per-field errors (400)',
  })
  errors?: FieldErrorDto[];

  @ApiPropertyOptional({
    maxLength: PROBLEM_LIMITS.instance,
    example: '/api/v1/applications',
    description: 'The request path',
  })
  instance?: string;

  @ApiPropertyOptional({ maxLength: 128, pattern: '^[\\w.:-]{1,128}$', description: 'As in the X-Request-Id header' })
  requestId?: string;
}
