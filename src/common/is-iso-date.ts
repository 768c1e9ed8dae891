import { ValidationOptions, registerDecorator } from 'class-validator';
import { isIsoDate } from '../calendar/iso-date';

/** A calendar date `YYYY-MM-DD` naming a real day (e.g. not 2026-02-30). */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isIsoDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be a calendar date YYYY-MM-DD`, ...options },
      validator: { validate: (value: unknown) => isIsoDate(value) },
    });
  };
}
