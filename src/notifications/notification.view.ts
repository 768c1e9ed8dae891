import { Bool, DateTime, Json, Str, Uuid } from '../common/openapi/schema-props';

export class NotificationView {
  @Uuid() id: string;
  @Str(64, { example: 'SUPPLEMENT_REQUESTED' }) kind: string;
  @Str(500) title: string;
  @Str(10_000) body: string;
  @Str(64, { nullable: true }) entityType: string | null;
  @Uuid({ nullable: true }) entityId: string | null;
  @Json() data: Record<string, unknown>;
  @DateTime() createdAt: Date;
  @Bool() read: boolean;
  @DateTime({ nullable: true }) readAt: Date | null;
}

export class NotificationReadView {
  @Uuid() id: string;
  @Bool() read: boolean;
  @DateTime() readAt: Date;
}
