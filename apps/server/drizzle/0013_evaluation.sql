CREATE TABLE "ballot_choices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"item" text DEFAULT '' NOT NULL,
	"choice" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ballot_receipts" (
	"campaign_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"key_hash" text NOT NULL,
	"cast_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ballot_receipts_campaign_id_member_id_pk" PRIMARY KEY("campaign_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"rectification_id" uuid,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"content_type" text NOT NULL,
	"uploaded_by_id" uuid,
	"uploaded_by_name" text,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_campaigns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'preparing' NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"settings" jsonb NOT NULL,
	"voting_opened_at" timestamp with time zone,
	"voting_closed_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"confirmed_by_name" text,
	"returned_reason" text,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_rectifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"problem" text NOT NULL,
	"measure" text,
	"owner_name" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"progress_note" text,
	"closing_note" text,
	"closed_at" timestamp with time zone,
	"closed_by_name" text,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_subjects" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"member_id" uuid,
	"name" text NOT NULL,
	"position" text,
	"category" text,
	"graded" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"report" text,
	"report_submitted_at" timestamp with time zone,
	"report_by_name" text,
	"comment" text,
	"commented_at" timestamp with time zone,
	"commented_by_name" text,
	"result_grade" text,
	"self_assessment" text,
	"self_submitted_at" timestamp with time zone,
	"peer_summary" text,
	"proposed_grade" text,
	"proposal_note" text,
	"final_grade" text
);
--> statement-breakpoint
CREATE TABLE "evaluation_voters" (
	"campaign_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"subject_id" uuid,
	"source" text NOT NULL,
	CONSTRAINT "evaluation_voters_campaign_id_member_id_pk" PRIMARY KEY("campaign_id","member_id")
);
--> statement-breakpoint
ALTER TABLE "ballot_choices" ADD CONSTRAINT "ballot_choices_campaign_id_evaluation_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."evaluation_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_choices" ADD CONSTRAINT "ballot_choices_subject_id_evaluation_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."evaluation_subjects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_receipts" ADD CONSTRAINT "ballot_receipts_campaign_id_evaluation_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."evaluation_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_receipts" ADD CONSTRAINT "ballot_receipts_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_attachments" ADD CONSTRAINT "evaluation_attachments_campaign_id_evaluation_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."evaluation_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_attachments" ADD CONSTRAINT "evaluation_attachments_subject_id_evaluation_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."evaluation_subjects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_attachments" ADD CONSTRAINT "evaluation_attachments_rectification_id_evaluation_rectifications_id_fk" FOREIGN KEY ("rectification_id") REFERENCES "public"."evaluation_rectifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_attachments" ADD CONSTRAINT "evaluation_attachments_sha256_stored_files_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."stored_files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_attachments" ADD CONSTRAINT "evaluation_attachments_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_campaigns" ADD CONSTRAINT "evaluation_campaigns_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_campaigns" ADD CONSTRAINT "evaluation_campaigns_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rectifications" ADD CONSTRAINT "evaluation_rectifications_campaign_id_evaluation_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."evaluation_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rectifications" ADD CONSTRAINT "evaluation_rectifications_subject_id_evaluation_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."evaluation_subjects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rectifications" ADD CONSTRAINT "evaluation_rectifications_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rectifications" ADD CONSTRAINT "evaluation_rectifications_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_subjects" ADD CONSTRAINT "evaluation_subjects_campaign_id_evaluation_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."evaluation_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_subjects" ADD CONSTRAINT "evaluation_subjects_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_subjects" ADD CONSTRAINT "evaluation_subjects_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_voters" ADD CONSTRAINT "evaluation_voters_campaign_id_evaluation_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."evaluation_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_voters" ADD CONSTRAINT "evaluation_voters_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_voters" ADD CONSTRAINT "evaluation_voters_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_voters" ADD CONSTRAINT "evaluation_voters_subject_id_evaluation_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."evaluation_subjects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ballot_choices_campaign_subject_idx" ON "ballot_choices" USING btree ("campaign_id","subject_id");--> statement-breakpoint
CREATE INDEX "ballot_receipts_member_id_idx" ON "ballot_receipts" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "evaluation_attachments_subject_id_idx" ON "evaluation_attachments" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "evaluation_attachments_campaign_id_idx" ON "evaluation_attachments" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "evaluation_attachments_rectification_id_idx" ON "evaluation_attachments" USING btree ("rectification_id");--> statement-breakpoint
CREATE INDEX "evaluation_attachments_sha256_idx" ON "evaluation_attachments" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "evaluation_attachments_uploaded_by_id_idx" ON "evaluation_attachments" USING btree ("uploaded_by_id");--> statement-breakpoint
CREATE INDEX "evaluation_campaigns_org_path_idx" ON "evaluation_campaigns" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "evaluation_campaigns_org_id_idx" ON "evaluation_campaigns" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "evaluation_campaigns_created_by_id_idx" ON "evaluation_campaigns" USING btree ("created_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_campaigns_kind_org_year_key" ON "evaluation_campaigns" USING btree ("kind","org_id","year");--> statement-breakpoint
CREATE INDEX "evaluation_rectifications_campaign_id_idx" ON "evaluation_rectifications" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "evaluation_rectifications_subject_id_idx" ON "evaluation_rectifications" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "evaluation_rectifications_org_id_idx" ON "evaluation_rectifications" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "evaluation_rectifications_org_path_idx" ON "evaluation_rectifications" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "evaluation_rectifications_open_due_idx" ON "evaluation_rectifications" USING btree ("due_on") WHERE "evaluation_rectifications"."status" <> 'closed';--> statement-breakpoint
CREATE INDEX "evaluation_rectifications_created_by_id_idx" ON "evaluation_rectifications" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "evaluation_subjects_campaign_id_idx" ON "evaluation_subjects" USING btree ("campaign_id","sort_order");--> statement-breakpoint
CREATE INDEX "evaluation_subjects_member_id_idx" ON "evaluation_subjects" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "evaluation_subjects_org_id_idx" ON "evaluation_subjects" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "evaluation_subjects_org_path_idx" ON "evaluation_subjects" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "evaluation_voters_member_id_idx" ON "evaluation_voters" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "evaluation_voters_org_id_idx" ON "evaluation_voters" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "evaluation_voters_subject_id_idx" ON "evaluation_voters" USING btree ("subject_id");--> statement-breakpoint
INSERT INTO "rule_settings" ("key", "value", "note") VALUES
('evaluation.secretary.good_percent', 90, '述职评议：满意率（好+较好）不低于此百分比评为“好”（本地做法）'),
('evaluation.secretary.fairly_good_percent', 70, '述职评议：满意率不低于此百分比评为“较好”（本地做法）'),
('evaluation.secretary.average_percent', 50, '述职评议：满意率不低于此百分比评为“一般”，以下为“差”（满意率低于50%定为较差，DOMAIN-RULES §3.7）'),
('evaluation.member.excellent_max_denominator', 3, '民主评议党员：优秀比例一般不超过参加评定人数的 1/N'),
('evaluation.member.probationary_vote', 0, '民主评议党员：预备党员参加民主测评投票（1 是 / 0 否；预备党员没有表决权，默认不投票，均不评定等次）'),
('evaluation.rectification.warn_days', 7, '整改清单：到期前多少天提示即将到期');
