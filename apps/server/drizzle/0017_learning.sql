CREATE TABLE "learning_categories" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "learning_categories_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "learning_content_progress" (
	"member_id" uuid NOT NULL,
	"content_id" uuid NOT NULL,
	"credited_seconds" integer DEFAULT 0 NOT NULL,
	"last_position" real DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learning_content_progress_member_id_content_id_pk" PRIMARY KEY("member_id","content_id")
);
--> statement-breakpoint
CREATE TABLE "learning_content_targets" (
	"content_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	CONSTRAINT "learning_content_targets_content_id_org_id_pk" PRIMARY KEY("content_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "learning_contents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body_html" text DEFAULT '' NOT NULL,
	"body_text" text DEFAULT '' NOT NULL,
	"category_id" uuid,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"audience" text DEFAULT 'zone' NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"file_sha256" text,
	"file_name" text,
	"file_mime" text,
	"file_size" integer,
	"duration_seconds" integer,
	"series_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"doc_number" text,
	"author_id" uuid NOT NULL,
	"author_name" text NOT NULL,
	"reviewer_id" uuid,
	"reviewer_name" text,
	"review_note" text,
	"reviewed_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_courses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"created_by_id" uuid NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_files" (
	"sha256" text PRIMARY KEY NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"file_name" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_lesson_completions" (
	"member_id" uuid NOT NULL,
	"lesson_id" uuid NOT NULL,
	"completed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "learning_lesson_completions_member_id_lesson_id_pk" PRIMARY KEY("member_id","lesson_id")
);
--> statement-breakpoint
CREATE TABLE "learning_lessons" (
	"id" uuid PRIMARY KEY NOT NULL,
	"course_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"content_id" uuid NOT NULL,
	"title" text NOT NULL,
	"required_seconds" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_plan_targets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"org_id" uuid,
	"org_path" text,
	"member_id" uuid
);
--> statement-breakpoint
CREATE TABLE "learning_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"course_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"starts_on" date NOT NULL,
	"due_on" date NOT NULL,
	"created_by_id" uuid NOT NULL,
	"created_by_name" text NOT NULL,
	"last_reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_study_days" (
	"member_id" uuid NOT NULL,
	"day" date NOT NULL,
	"credited_seconds" integer DEFAULT 0 NOT NULL,
	"last_credit_at" timestamp with time zone,
	"last_session_id" uuid,
	CONSTRAINT "learning_study_days_member_id_day_pk" PRIMARY KEY("member_id","day")
);
--> statement-breakpoint
CREATE TABLE "learning_study_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"content_id" uuid NOT NULL,
	"lesson_id" uuid,
	"day" date NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"last_beat_at" timestamp with time zone NOT NULL,
	"last_credit_at" timestamp with time zone,
	"last_position" real DEFAULT 0 NOT NULL,
	"heartbeats" integer DEFAULT 0 NOT NULL,
	"accepted_heartbeats" integer DEFAULT 0 NOT NULL,
	"credited_seconds" integer DEFAULT 0 NOT NULL,
	"last_refusal" text
);
--> statement-breakpoint
ALTER TABLE "learning_content_progress" ADD CONSTRAINT "learning_content_progress_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_content_progress" ADD CONSTRAINT "learning_content_progress_content_id_learning_contents_id_fk" FOREIGN KEY ("content_id") REFERENCES "public"."learning_contents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_content_targets" ADD CONSTRAINT "learning_content_targets_content_id_learning_contents_id_fk" FOREIGN KEY ("content_id") REFERENCES "public"."learning_contents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_content_targets" ADD CONSTRAINT "learning_content_targets_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_contents" ADD CONSTRAINT "learning_contents_category_id_learning_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."learning_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_contents" ADD CONSTRAINT "learning_contents_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_courses" ADD CONSTRAINT "learning_courses_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_lesson_completions" ADD CONSTRAINT "learning_lesson_completions_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_lesson_completions" ADD CONSTRAINT "learning_lesson_completions_lesson_id_learning_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."learning_lessons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_lessons" ADD CONSTRAINT "learning_lessons_course_id_learning_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."learning_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_lessons" ADD CONSTRAINT "learning_lessons_content_id_learning_contents_id_fk" FOREIGN KEY ("content_id") REFERENCES "public"."learning_contents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_plan_targets" ADD CONSTRAINT "learning_plan_targets_plan_id_learning_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."learning_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_plan_targets" ADD CONSTRAINT "learning_plan_targets_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_plan_targets" ADD CONSTRAINT "learning_plan_targets_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_plans" ADD CONSTRAINT "learning_plans_course_id_learning_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."learning_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_plans" ADD CONSTRAINT "learning_plans_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_study_days" ADD CONSTRAINT "learning_study_days_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_study_sessions" ADD CONSTRAINT "learning_study_sessions_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_study_sessions" ADD CONSTRAINT "learning_study_sessions_content_id_learning_contents_id_fk" FOREIGN KEY ("content_id") REFERENCES "public"."learning_contents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_study_sessions" ADD CONSTRAINT "learning_study_sessions_lesson_id_learning_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."learning_lessons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "learning_content_progress_content_idx" ON "learning_content_progress" USING btree ("content_id");--> statement-breakpoint
CREATE INDEX "learning_content_targets_org_id_idx" ON "learning_content_targets" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "learning_contents_org_path_idx" ON "learning_contents" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "learning_contents_status_idx" ON "learning_contents" USING btree ("status","published_at");--> statement-breakpoint
CREATE INDEX "learning_contents_series_idx" ON "learning_contents" USING btree ("series_id","version");--> statement-breakpoint
CREATE INDEX "learning_contents_category_id_idx" ON "learning_contents" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "learning_courses_org_path_idx" ON "learning_courses" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "learning_lesson_completions_lesson_idx" ON "learning_lesson_completions" USING btree ("lesson_id");--> statement-breakpoint
CREATE UNIQUE INDEX "learning_lessons_course_position_key" ON "learning_lessons" USING btree ("course_id","position");--> statement-breakpoint
CREATE INDEX "learning_lessons_content_id_idx" ON "learning_lessons" USING btree ("content_id");--> statement-breakpoint
CREATE INDEX "learning_plan_targets_plan_id_idx" ON "learning_plan_targets" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "learning_plan_targets_member_id_idx" ON "learning_plan_targets" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "learning_plans_org_path_idx" ON "learning_plans" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "learning_study_days_day_idx" ON "learning_study_days" USING btree ("day");--> statement-breakpoint
CREATE INDEX "learning_study_sessions_member_day_idx" ON "learning_study_sessions" USING btree ("member_id","day");--> statement-breakpoint
CREATE INDEX "learning_study_sessions_content_id_idx" ON "learning_study_sessions" USING btree ("content_id");--> statement-breakpoint
CREATE INDEX "learning_study_sessions_day_idx" ON "learning_study_sessions" USING btree ("day");--> statement-breakpoint
INSERT INTO "rule_settings" ("key", "value", "note") VALUES
('learning.daily_cap_minutes', 120, '每名党员每天在线学习最多计入的分钟数'),
('learning.heartbeat_cap_seconds', 30, '一次学习心跳最多计入的秒数'),
('learning.plan_remind_days', 7, '学习计划截止前几天提醒未完成的党员')
ON CONFLICT ("key") DO NOTHING;
