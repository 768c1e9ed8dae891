import { ROLES } from '../auth/roles';
import { ApiProperty } from '@nestjs/swagger';
import { Str, StrList } from '../common/openapi/schema-props';

export class TransitionView {
  @Str(64) from: string;
  @Str(64) event: string;
  @Str(64) to: string;
  @ApiProperty({ type: [String], enum: [...ROLES, 'system'], maxItems: 10 }) roles: string[];
  @StrList(20, 64, { required: false }) guards?: string[];
  @Str(1000, { required: false }) description?: string;
}

export class StateMachineView {
  @Str(64) name: string;
  @StrList(50, 64) states: string[];
  @Str(64) initial: string;
  @StrList(50, 64) final: string[];
  @StrList(100, 64) events: string[];
  @ApiProperty({ type: [TransitionView], maxItems: 500 }) transitions: TransitionView[];
}
