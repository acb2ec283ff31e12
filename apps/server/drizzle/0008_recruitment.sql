CREATE TABLE "stored_files" (
	"sha256" text PRIMARY KEY NOT NULL,
	"size" integer NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recruitment_cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"name_initials" text NOT NULL,
	"name_pinyin" text NOT NULL,
	"gender" text NOT NULL,
	"birth_date" date NOT NULL,
	"id_number_enc" text NOT NULL,
	"id_number_hash" text NOT NULL,
	"id_number_masked" text NOT NULL,
	"id_tail" text NOT NULL,
	"phone_enc" text,
	"phone_masked" text,
	"ethnicity" text NOT NULL,
	"education" text NOT NULL,
	"job_category" text NOT NULL,
	"work_unit" text,
	"work_post" text,
	"status" text DEFAULT 'active' NOT NULL,
	"stage" integer DEFAULT 1 NOT NULL,
	"current_step" integer DEFAULT 1 NOT NULL,
	"applied_on" date NOT NULL,
	"member_id" uuid,
	"extension_months" integer,
	"extended_on" date,
	"extension_reason" text,
	"next_due_step" integer,
	"next_due_on" date,
	"closed_on" date,
	"close_reason" text,
	"notes" text,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recruitment_materials" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"step_no" integer,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"content_type" text NOT NULL,
	"uploaded_by_id" uuid,
	"uploaded_by_name" text,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recruitment_steps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"step_no" integer NOT NULL,
	"date" date NOT NULL,
	"location" text,
	"notes" text,
	"member_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"other_people" text,
	"approval_result" text,
	"approving_org_id" uuid,
	"approver_name" text,
	"document_no" text,
	"publicity_start" date,
	"publicity_end" date,
	"training_days" integer,
	"training_hours" integer,
	"votes_eligible" integer,
	"votes_present" integer,
	"votes_for" integer,
	"votes_against" integer,
	"votes_abstain" integer,
	"override_reason" text,
	"overridden_gates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recorded_by_id" uuid,
	"recorded_by_name" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "working_calendar" (
	"day" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text
);
--> statement-breakpoint
ALTER TABLE "recruitment_cases" ADD CONSTRAINT "recruitment_cases_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_cases" ADD CONSTRAINT "recruitment_cases_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_cases" ADD CONSTRAINT "recruitment_cases_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_materials" ADD CONSTRAINT "recruitment_materials_case_id_recruitment_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."recruitment_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_materials" ADD CONSTRAINT "recruitment_materials_sha256_stored_files_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."stored_files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_materials" ADD CONSTRAINT "recruitment_materials_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_steps" ADD CONSTRAINT "recruitment_steps_case_id_recruitment_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."recruitment_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_steps" ADD CONSTRAINT "recruitment_steps_approving_org_id_organizations_id_fk" FOREIGN KEY ("approving_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_steps" ADD CONSTRAINT "recruitment_steps_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recruitment_cases_org_id_idx" ON "recruitment_cases" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "recruitment_cases_status_stage_idx" ON "recruitment_cases" USING btree ("status","stage");--> statement-breakpoint
CREATE INDEX "recruitment_cases_next_due_on_idx" ON "recruitment_cases" USING btree ("next_due_on");--> statement-breakpoint
CREATE INDEX "recruitment_cases_member_id_idx" ON "recruitment_cases" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "recruitment_cases_created_by_id_idx" ON "recruitment_cases" USING btree ("created_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recruitment_cases_one_active_key" ON "recruitment_cases" USING btree ("id_number_hash") WHERE "recruitment_cases"."status" = 'active';--> statement-breakpoint
CREATE INDEX "recruitment_materials_case_id_idx" ON "recruitment_materials" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "recruitment_materials_sha256_idx" ON "recruitment_materials" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "recruitment_materials_uploaded_by_id_idx" ON "recruitment_materials" USING btree ("uploaded_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recruitment_steps_case_step_key" ON "recruitment_steps" USING btree ("case_id","step_no");--> statement-breakpoint
CREATE INDEX "recruitment_steps_approving_org_id_idx" ON "recruitment_steps" USING btree ("approving_org_id");--> statement-breakpoint
CREATE INDEX "recruitment_steps_recorded_by_id_idx" ON "recruitment_steps" USING btree ("recorded_by_id");--> statement-breakpoint
INSERT INTO "rule_settings" ("key", "value", "note") VALUES
('recruitment.activist_after_application_months', 6, '递交入党申请书满该月数后方可确定为入党积极分子'),
('recruitment.political_review_valid_months', 12, '政治审查结论的有效期（月），超过须重新政审'),
('recruitment.prereview_within_months', 1, '支部委员会审查后，上级党委预审的期限（月）'),
('recruitment.general_meeting_after_prereview_months', 1, '预审后召开支部大会讨论接收预备党员的期限（月）'),
('recruitment.publicity_working_days', 5, '确定积极分子、发展对象、接收预备党员、转正的公示期（工作日）'),
('recruitment.filing_within_days', 7, '转正后材料归档的期限（天）'),
('recruitment.due_soon_days', 14, '距期限不足该天数时提示“即将到期”')
ON CONFLICT ("key") DO NOTHING;--> statement-breakpoint
INSERT INTO "working_calendar" ("day", "kind", "name") VALUES
('2025-01-01', 'holiday', '元旦'),
('2025-01-26', 'workday', '春节调休上班'),
('2025-01-28', 'holiday', '春节'), ('2025-01-29', 'holiday', '春节'), ('2025-01-30', 'holiday', '春节'),
('2025-01-31', 'holiday', '春节'), ('2025-02-01', 'holiday', '春节'), ('2025-02-02', 'holiday', '春节'),
('2025-02-03', 'holiday', '春节'), ('2025-02-04', 'holiday', '春节'),
('2025-02-08', 'workday', '春节调休上班'),
('2025-04-04', 'holiday', '清明节'), ('2025-04-05', 'holiday', '清明节'), ('2025-04-06', 'holiday', '清明节'),
('2025-04-27', 'workday', '劳动节调休上班'),
('2025-05-01', 'holiday', '劳动节'), ('2025-05-02', 'holiday', '劳动节'), ('2025-05-03', 'holiday', '劳动节'),
('2025-05-04', 'holiday', '劳动节'), ('2025-05-05', 'holiday', '劳动节'),
('2025-05-31', 'holiday', '端午节'), ('2025-06-01', 'holiday', '端午节'), ('2025-06-02', 'holiday', '端午节'),
('2025-09-28', 'workday', '国庆节调休上班'),
('2025-10-01', 'holiday', '国庆节、中秋节'), ('2025-10-02', 'holiday', '国庆节、中秋节'),
('2025-10-03', 'holiday', '国庆节、中秋节'), ('2025-10-04', 'holiday', '国庆节、中秋节'),
('2025-10-05', 'holiday', '国庆节、中秋节'), ('2025-10-06', 'holiday', '国庆节、中秋节'),
('2025-10-07', 'holiday', '国庆节、中秋节'), ('2025-10-08', 'holiday', '国庆节、中秋节'),
('2025-10-11', 'workday', '国庆节调休上班'),
('2026-01-01', 'holiday', '元旦'), ('2026-01-02', 'holiday', '元旦'), ('2026-01-03', 'holiday', '元旦'),
('2026-01-04', 'workday', '元旦调休上班'),
('2026-02-14', 'workday', '春节调休上班'),
('2026-02-15', 'holiday', '春节'), ('2026-02-16', 'holiday', '春节'), ('2026-02-17', 'holiday', '春节'),
('2026-02-18', 'holiday', '春节'), ('2026-02-19', 'holiday', '春节'), ('2026-02-20', 'holiday', '春节'),
('2026-02-21', 'holiday', '春节'), ('2026-02-22', 'holiday', '春节'), ('2026-02-23', 'holiday', '春节'),
('2026-02-28', 'workday', '春节调休上班'),
('2026-04-04', 'holiday', '清明节'), ('2026-04-05', 'holiday', '清明节'), ('2026-04-06', 'holiday', '清明节'),
('2026-05-01', 'holiday', '劳动节'), ('2026-05-02', 'holiday', '劳动节'), ('2026-05-03', 'holiday', '劳动节'),
('2026-05-04', 'holiday', '劳动节'), ('2026-05-05', 'holiday', '劳动节'),
('2026-05-09', 'workday', '劳动节调休上班'),
('2026-06-19', 'holiday', '端午节'), ('2026-06-20', 'holiday', '端午节'), ('2026-06-21', 'holiday', '端午节'),
('2026-09-20', 'workday', '国庆节调休上班'),
('2026-09-25', 'holiday', '中秋节'), ('2026-09-26', 'holiday', '中秋节'), ('2026-09-27', 'holiday', '中秋节'),
('2026-10-01', 'holiday', '国庆节'), ('2026-10-02', 'holiday', '国庆节'), ('2026-10-03', 'holiday', '国庆节'),
('2026-10-04', 'holiday', '国庆节'), ('2026-10-05', 'holiday', '国庆节'), ('2026-10-06', 'holiday', '国庆节'),
('2026-10-07', 'holiday', '国庆节'),
('2026-10-10', 'workday', '国庆节调休上班')
ON CONFLICT ("day") DO NOTHING;
