CREATE TABLE "rule_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" integer NOT NULL,
	"note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transfer_steps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"transfer_id" uuid NOT NULL,
	"step_no" integer NOT NULL,
	"org_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"acted_at" timestamp with time zone,
	"comment" text
);
--> statement-breakpoint
CREATE TABLE "transfers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"member_id" uuid,
	"member_name" text NOT NULL,
	"from_org_id" uuid,
	"to_org_id" uuid,
	"destination" text,
	"source" text,
	"source_letter_no" text,
	"reason" text NOT NULL,
	"requested_on" date NOT NULL,
	"requested_by_id" uuid,
	"requested_by_name" text,
	"letter_no" text,
	"letter_valid_days" integer NOT NULL,
	"letter_issued_on" date,
	"letter_valid_until" date,
	"issuing_org_id" uuid,
	"dues_paid_until" text,
	"receipt_on" date,
	"rejection_reason" text,
	"completed_on" date,
	"incoming_member_enc" text,
	"incoming_id_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "transfer_steps" ADD CONSTRAINT "transfer_steps_transfer_id_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."transfers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_steps" ADD CONSTRAINT "transfer_steps_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_steps" ADD CONSTRAINT "transfer_steps_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_from_org_id_organizations_id_fk" FOREIGN KEY ("from_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_to_org_id_organizations_id_fk" FOREIGN KEY ("to_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_issuing_org_id_organizations_id_fk" FOREIGN KEY ("issuing_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "transfer_steps_transfer_step_key" ON "transfer_steps" USING btree ("transfer_id","step_no");--> statement-breakpoint
CREATE INDEX "transfer_steps_org_id_idx" ON "transfer_steps" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "transfer_steps_actor_id_idx" ON "transfer_steps" USING btree ("actor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "transfers_letter_no_key" ON "transfers" USING btree ("letter_no") WHERE "transfers"."letter_no" is not null;--> statement-breakpoint
CREATE INDEX "transfers_member_id_idx" ON "transfers" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "transfers_one_pending_key" ON "transfers" USING btree ("member_id") WHERE "transfers"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "transfers_from_org_id_idx" ON "transfers" USING btree ("from_org_id");--> statement-breakpoint
CREATE INDEX "transfers_to_org_id_idx" ON "transfers" USING btree ("to_org_id");--> statement-breakpoint
CREATE INDEX "transfers_status_idx" ON "transfers" USING btree ("status");--> statement-breakpoint
CREATE INDEX "transfers_requested_by_id_idx" ON "transfers" USING btree ("requested_by_id");--> statement-breakpoint
CREATE INDEX "transfers_issuing_org_id_idx" ON "transfers" USING btree ("issuing_org_id");--> statement-breakpoint
INSERT INTO "rule_settings" ("key", "value", "note") VALUES
('transfer.letter_valid_days', 30, '组织关系介绍信默认有效期（天）'),
('transfer.letter_max_valid_days', 90, '组织关系介绍信最长有效期（天），一般不超过 3 个月'),
('transfer.overdue_days', 30, '转接申请待审批超过该天数即为超期'),
('warning.lost_suspend_months', 6, '失去联系满该月数：应停止党籍'),
('warning.lost_remove_months', 24, '失去联系满该月数：应予除名'),
('warning.flow_transfer_months', 6, '外出流动满该月数：应转接组织关系');
