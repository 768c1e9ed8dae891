import { types } from 'pg';

let installed = false;

/**
 * Calendar dates (`date`) stay `YYYY-MM-DD` strings: parsing them into a JS Date would shift them by the
 * machine's time zone. `bigint` counts and ids fit in a double here, so they come back as numbers.
 */
export function installPgTypeParsers(): void {
  if (installed) return;
  installed = true;
  types.setTypeParser(1082, (v: string) => v); // date
  types.setTypeParser(20, (v: string) => Number(v)); // int8
}
