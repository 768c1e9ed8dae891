import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';

interface ValidationMeta {
  target: object | string;
  propertyName: string;
  name?: string;
  type: string;
  constraints?: unknown[];
  each?: boolean;
}

type SchemaBits = Record<string, unknown>;

const INT32_MAX = 2_147_483_647;

/** What one class-validator decorator enforces, as JSON Schema keywords (on the value, or on each item). */
function keywordsOf(m: ValidationMeta): SchemaBits | null {
  const c = m.constraints ?? [];
  switch (m.name) {
    case 'maxLength':
      return { maxLength: c[0] };
    case 'minLength':
      return { minLength: c[0] };
    case 'isLength':
      return { minLength: c[0], ...(c[1] !== undefined ? { maxLength: c[1] } : {}) };
    case 'isNotEmpty':
      return { minLength: 1 };
    case 'matches': {
      const re = c[0] instanceof RegExp ? c[0] : new RegExp(String(c[0]));
      return { pattern: re.source };
    }
    case 'isUuid':
      return { format: 'uuid', maxLength: 36 };
    case 'isEmail':
      return { format: 'email' };
    case 'isIsoDate':
      return { format: 'date', maxLength: 10 };
    case 'isIn':
      return { enum: c[0] };
    case 'isInt':
      return { type: 'integer', format: 'int32' };
    case 'min':
      return { minimum: c[0] };
    case 'max':
      return { maximum: c[0] };
    case 'isBoolean':
      return { type: 'boolean' };
    default:
      return null;
  }
}

const ARRAY_KEYWORDS: Record<string, string> = { arrayMaxSize: 'maxItems', arrayMinSize: 'minItems' };

let declared = false;

/**
 * Copies every limit the DTOs' class-validator decorators enforce (lengths, patterns, formats, enums, ranges, array
 * sizes) into their @nestjs/swagger metadata, so that the OpenAPI document declares exactly what validation
 * enforces, for body DTOs and query DTOs alike, without a second hand-written copy that could drift. A value given
 * explicitly in @ApiProperty wins. Runs once, before the document is built.
 */
export function declareValidationConstraints(): void {
  if (declared) return;
  declared = true;
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<object, ValidationMeta[]> };
  for (const [target, metas] of storage.validationMetadatas) {
    if (typeof target !== 'function') continue;
    const cls = target as { prototype: object };
    const byProperty = new Map<string, ValidationMeta[]>();
    for (const m of metas) byProperty.set(m.propertyName, [...(byProperty.get(m.propertyName) ?? []), m]);
    for (const [property, list] of byProperty) {
      const value: SchemaBits = {};
      const item: SchemaBits = {};
      let optional = false;
      for (const m of list) {
        if (m.name === 'isOptional' || m.type === 'conditionalValidation') optional = true;
        const arrayKeyword = m.name ? ARRAY_KEYWORDS[m.name] : undefined;
        if (arrayKeyword) {
          value[arrayKeyword] = m.constraints?.[0];
          continue;
        }
        const k = keywordsOf(m);
        if (k) Object.assign(m.each ? item : value, k);
      }
      // An integer the database stores as `int`: say so, with the range it accepts.
      if (value.type === 'integer') {
        value.minimum ??= -INT32_MAX - 1;
        value.maximum ??= INT32_MAX;
      }
      const existing = Reflect.getMetadata('swagger/apiModelProperties', cls.prototype, property) as
        SchemaBits | undefined;
      const isArray = Boolean(existing?.isArray) || Object.keys(item).length > 0;
      const bits: SchemaBits = isArray ? { ...value, ...item } : value;
      if (!existing) bits.required = !optional;
      if (isArray && bits.isArray === undefined && existing?.isArray === undefined) {
        bits.isArray = true;
        bits.type ??= String;
      }
      if (Object.keys(bits).length === 0) continue;
      // What the DTO's @ApiProperty says explicitly is kept.
      const merged: SchemaBits = { ...bits, ...existing };
      // `type` in stored metadata is usually the TypeScript type (Number): an @IsInt makes it an integer.
      if (bits.type === 'integer' && existing?.type === Number) merged.type = 'integer';
      ApiProperty(merged as ApiPropertyOptions)(cls.prototype as object, property);
    }
  }
}
