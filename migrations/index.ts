import { Foundation1764480000000 } from './1764480000000-foundation';

/** Every migration, in order. Add new ones at the end (the class name carries its timestamp). */
export const ALL_MIGRATIONS = [Foundation1764480000000];
