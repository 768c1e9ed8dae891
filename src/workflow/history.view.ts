import { DateTime, Json, Str, Uuid } from '../common/openapi/schema-props';

/** One entry of a record's history (`GET …/{id}/history`): who fired which event, from and to which state. */
export class HistoryEntryView {
  @DateTime() at: Date;
  @Uuid({ nullable: true, description: 'null: the system (scheduler)' }) actorId: string | null;
  @Str(32) actorRole: string;
  @Str(64) event: string;
  @Str(64, { nullable: true }) from: string | null;
  @Str(64) to: string;
  @Str(4000, { nullable: true }) reason: string | null;
  @Json({ required: false, description: 'The event’s inputs' }) data?: Record<string, unknown>;
  @Str(64, { required: false, description: 'On a site’s lifecycle: the record it belongs to' }) entityType?: string;
  @Uuid({ required: false }) entityId?: string;
}
