import { Enum } from '../common/openapi/schema-props';

export class HealthView {
  @Enum(['ok', 'error']) status: string;
  @Enum(['up', 'down']) database: string;
}
