import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';

/**
 * Short property decorators for response DTOs, so that every string has its bound and format and every integer
 * its range (the OWASP lint asks for both). `o.nullable` / `o.required: false` as in @ApiProperty.
 */
type O = ApiPropertyOptions & Record<string, unknown>;

export const INT32_MAX = 2_147_483_647;

export const Str = (maxLength: number, o: O = {}) => ApiProperty({ type: String, maxLength, ...o } as O);
export const Uuid = (o: O = {}) => ApiProperty({ type: String, format: 'uuid', maxLength: 36, ...o } as O);
export const IsoDate = (o: O = {}) =>
  ApiProperty({ type: String, format: 'date', maxLength: 10, example: '2026-03-05', ...o } as O);
export const DateTime = (o: O = {}) => ApiProperty({ type: String, format: 'date-time', maxLength: 40, ...o } as O);
export const Int = (minimum = 0, maximum = INT32_MAX, o: O = {}) =>
  ApiProperty({ type: 'integer', format: maximum > INT32_MAX ? 'int64' : 'int32', minimum, maximum, ...o } as O);
/** An amount of VND (fines): integer, up to the largest fine the law allows and then some. */
export const Vnd = (o: O = {}) =>
  ApiProperty({ type: 'integer', format: 'int64', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, ...o } as O);
export const Bool = (o: O = {}) => ApiProperty({ type: Boolean, ...o } as O);
export const Enum = (values: readonly string[], o: O = {}) => ApiProperty({ enum: [...values], ...o } as O);
export const StrList = (maxItems: number, maxLength: number, o: O = {}) =>
  ApiProperty({ type: [String], maxItems, maxLength, ...o } as O);
export const Version = (o: O = {}) =>
  Int(1, INT32_MAX, { description: 'Raised by every change; send it back to detect a concurrent change', ...o });
/** A nested object (its class) or a list of them. */
export const Obj = (type: new () => unknown, o: O = {}) => ApiProperty({ type, ...o } as O);
export const ObjList = (type: new () => unknown, maxItems: number, o: O = {}) =>
  ApiProperty({ type: [type], maxItems, ...o } as O);
/** Free-form JSON (an event's data, a report's content): an object whose members are not listed. */
export const Json = (o: O = {}) =>
  ApiProperty({ type: 'object', additionalProperties: true, maxProperties: 1000, ...o } as O);
