CREATE TABLE "notification_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"recipient_user_id" uuid,
	"recipient_member_id" uuid,
	"address_enc" text,
	"kind" text NOT NULL,
	"params" jsonb NOT NULL,
	"source_type" text NOT NULL,
	"source_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb NOT NULL,
	"link" text,
	"source_type" text NOT NULL,
	"source_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD CONSTRAINT "notification_outbox_recipient_user_id_users_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD CONSTRAINT "notification_outbox_recipient_member_id_members_id_fk" FOREIGN KEY ("recipient_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_user_id_users_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notification_outbox_due_idx" ON "notification_outbox" USING btree ("next_attempt_at","id") WHERE "notification_outbox"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "notification_outbox_source_idx" ON "notification_outbox" USING btree ("source_type","source_id");--> statement-breakpoint
CREATE INDEX "notification_outbox_recipient_user_id_idx" ON "notification_outbox" USING btree ("recipient_user_id");--> statement-breakpoint
CREATE INDEX "notification_outbox_recipient_member_id_idx" ON "notification_outbox" USING btree ("recipient_member_id");--> statement-breakpoint
CREATE INDEX "notifications_recipient_read_created_idx" ON "notifications" USING btree ("recipient_user_id","read_at","created_at");--> statement-breakpoint
CREATE INDEX "notifications_source_idx" ON "notifications" USING btree ("source_type","source_id");--> statement-breakpoint
INSERT INTO "rule_settings" ("key", "value", "note") VALUES
('notify.channel.sms', 1, '消息同时以短信发送（1 开启，0 关闭；默认发送器只写日志）'),
('notify.channel.wechat', 0, '消息同时推送微信（1 开启，0 关闭；需接入微信发送器）'),
('notify.outbox.max_attempts', 5, '短信/微信发送失败后的最多尝试次数'),
('notify.outbox.retry_minutes', 2, '发送失败后的首次重试间隔（分钟，之后每次加倍）'),
('todo.meeting_upcoming_days', 7, '待办中提示党员即将参加的活动：未来多少天内')
ON CONFLICT ("key") DO NOTHING;
