import { Enum, IsoDate, Json, ObjList, Str } from '../common/openapi/schema-props';

export class JobRunView {
  @Str(64) job: string;
  @Enum(['RAN', 'ALREADY_RAN', 'LOCKED_ELSEWHERE', 'FAILED']) status: string;
  @Json({ required: false, description: 'What the job did (counts)' }) result?: Record<string, unknown>;
  @Str(2000, { required: false }) error?: string;
}

export class SchedulerRunView {
  @IsoDate({ description: 'The business day the jobs ran for' }) today: string;
  @ObjList(JobRunView, 50) jobs: JobRunView[];
}
