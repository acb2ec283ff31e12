CREATE TABLE "community_needs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"source" text DEFAULT 'community' NOT NULL,
	"description" text NOT NULL,
	"place" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"hours" numeric(4, 1) NOT NULL,
	"capacity" integer NOT NULL,
	"claimed_count" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"posted_by_id" uuid,
	"posted_by_name" text,
	"closed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "community_service_categories" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"community_org_id" uuid NOT NULL,
	"reported_on" date NOT NULL,
	"last_reported_on" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"service_categories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"withdrawn_on" date,
	"withdraw_reason" text,
	"withdraw_note" text,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "need_claims" (
	"id" uuid PRIMARY KEY NOT NULL,
	"need_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"status" text DEFAULT 'claimed' NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"reported_hours" numeric(4, 1),
	"note" text,
	"confirmed_hours" numeric(4, 1),
	"confirmed_at" timestamp with time zone,
	"confirmed_by_id" uuid,
	"confirmed_by_name" text,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"community_org_id" uuid NOT NULL,
	"reported_on" date NOT NULL,
	"contact_person" text NOT NULL,
	"contact_phone" text,
	"commitments" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"withdrawn_on" date,
	"withdraw_reason" text,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "community_needs" ADD CONSTRAINT "community_needs_community_org_id_organizations_id_fk" FOREIGN KEY ("community_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_needs" ADD CONSTRAINT "community_needs_category_community_service_categories_code_fk" FOREIGN KEY ("category") REFERENCES "public"."community_service_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_needs" ADD CONSTRAINT "community_needs_posted_by_id_users_id_fk" FOREIGN KEY ("posted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_reports" ADD CONSTRAINT "member_reports_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_reports" ADD CONSTRAINT "member_reports_community_org_id_organizations_id_fk" FOREIGN KEY ("community_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_reports" ADD CONSTRAINT "member_reports_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_claims" ADD CONSTRAINT "need_claims_need_id_community_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."community_needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_claims" ADD CONSTRAINT "need_claims_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_claims" ADD CONSTRAINT "need_claims_confirmed_by_id_users_id_fk" FOREIGN KEY ("confirmed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_reports" ADD CONSTRAINT "org_reports_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_reports" ADD CONSTRAINT "org_reports_community_org_id_organizations_id_fk" FOREIGN KEY ("community_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_reports" ADD CONSTRAINT "org_reports_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "community_needs_community_org_id_idx" ON "community_needs" USING btree ("community_org_id");--> statement-breakpoint
CREATE INDEX "community_needs_status_idx" ON "community_needs" USING btree ("status");--> statement-breakpoint
CREATE INDEX "community_needs_category_idx" ON "community_needs" USING btree ("category");--> statement-breakpoint
CREATE INDEX "community_needs_posted_by_id_idx" ON "community_needs" USING btree ("posted_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "member_reports_one_active_key" ON "member_reports" USING btree ("member_id") WHERE "member_reports"."status" = 'active';--> statement-breakpoint
CREATE INDEX "member_reports_member_id_idx" ON "member_reports" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "member_reports_community_org_id_idx" ON "member_reports" USING btree ("community_org_id");--> statement-breakpoint
CREATE INDEX "member_reports_created_by_id_idx" ON "member_reports" USING btree ("created_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "need_claims_one_live_key" ON "need_claims" USING btree ("need_id","member_id") WHERE "need_claims"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "need_claims_need_id_idx" ON "need_claims" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "need_claims_member_id_idx" ON "need_claims" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "need_claims_confirmed_by_id_idx" ON "need_claims" USING btree ("confirmed_by_id");--> statement-breakpoint
CREATE INDEX "need_claims_status_idx" ON "need_claims" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "org_reports_one_active_key" ON "org_reports" USING btree ("org_id","community_org_id") WHERE "org_reports"."status" = 'active';--> statement-breakpoint
CREATE INDEX "org_reports_org_id_idx" ON "org_reports" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "org_reports_community_org_id_idx" ON "org_reports" USING btree ("community_org_id");--> statement-breakpoint
CREATE INDEX "org_reports_created_by_id_idx" ON "org_reports" USING btree ("created_by_id");--> statement-breakpoint
INSERT INTO "community_service_categories" ("code", "name_zh", "name_en", "sort_order") VALUES
('policy', '政策宣讲', 'Policy outreach', 1),
('environment', '环境整治', 'Environment clean-up', 2),
('patrol', '平安巡逻', 'Safety patrol', 3),
('civility', '文明创建', 'Civic campaigns', 4),
('care', '关爱帮扶', 'Care and assistance', 5),
('culture', '文体活动', 'Culture and sports', 6),
('mediation', '矛盾调解', 'Dispute mediation', 7),
('convenience', '便民服务', 'Everyday services', 8);--> statement-breakpoint
INSERT INTO "rule_settings" ("key", "value", "note") VALUES
('community.re_report_months', 6, '双报到：在职党员每隔该月数须到社区再次报到（每半年报到一次）'),
('community.hours_target', 50, '双报到：在职党员每年参加社区志愿服务的目标时长（小时）');
