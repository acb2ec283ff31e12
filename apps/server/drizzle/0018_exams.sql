CREATE TABLE "exam_answers" (
	"attempt_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"answer" jsonb NOT NULL,
	"saved_at" timestamp with time zone NOT NULL,
	"correct" boolean,
	"score" integer,
	CONSTRAINT "exam_answers_attempt_id_question_id_pk" PRIMARY KEY("attempt_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "exam_attempts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"exam_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"attempt_no" integer NOT NULL,
	"seed" text NOT NULL,
	"question_ids" uuid[] NOT NULL,
	"option_orders" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"deadline" timestamp with time zone,
	"grace_seconds" integer DEFAULT 30 NOT NULL,
	"status" text DEFAULT 'in_progress' NOT NULL,
	"submitted_at" timestamp with time zone,
	"score" integer,
	"max_score" integer DEFAULT 0 NOT NULL,
	"percent" numeric(5, 1),
	"passed" boolean
);
--> statement-breakpoint
CREATE TABLE "exam_overrides" (
	"exam_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"extra_attempts" integer DEFAULT 0 NOT NULL,
	"extra_minutes" integer DEFAULT 0 NOT NULL,
	"note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exam_overrides_exam_id_member_id_pk" PRIMARY KEY("exam_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "exams" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"kind" text DEFAULT 'quiz' NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"paper_mode" text DEFAULT 'random' NOT NULL,
	"bank_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"draw_rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"fixed_question_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"shuffle_questions" boolean DEFAULT true NOT NULL,
	"shuffle_options" boolean DEFAULT true NOT NULL,
	"time_limit_minutes" integer,
	"grace_seconds" integer DEFAULT 30 NOT NULL,
	"max_attempts" integer DEFAULT 1 NOT NULL,
	"pass_percent" smallint DEFAULT 60 NOT NULL,
	"results_release" text DEFAULT 'immediate' NOT NULL,
	"audience_org_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"audience_member_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"opens_at" timestamp with time zone,
	"closes_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "exam_answers" ADD CONSTRAINT "exam_answers_attempt_id_exam_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."exam_attempts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_answers" ADD CONSTRAINT "exam_answers_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_attempts" ADD CONSTRAINT "exam_attempts_exam_id_exams_id_fk" FOREIGN KEY ("exam_id") REFERENCES "public"."exams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_attempts" ADD CONSTRAINT "exam_attempts_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_overrides" ADD CONSTRAINT "exam_overrides_exam_id_exams_id_fk" FOREIGN KEY ("exam_id") REFERENCES "public"."exams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_overrides" ADD CONSTRAINT "exam_overrides_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exams" ADD CONSTRAINT "exams_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exams" ADD CONSTRAINT "exams_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exam_answers_question_id_idx" ON "exam_answers" USING btree ("question_id");--> statement-breakpoint
CREATE UNIQUE INDEX "exam_attempts_exam_member_no_key" ON "exam_attempts" USING btree ("exam_id","member_id","attempt_no");--> statement-breakpoint
CREATE INDEX "exam_attempts_member_id_idx" ON "exam_attempts" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "exam_attempts_org_path_idx" ON "exam_attempts" USING btree ("org_path");--> statement-breakpoint
CREATE INDEX "exam_overrides_member_id_idx" ON "exam_overrides" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "exams_org_path_idx" ON "exams" USING btree ("org_path");--> statement-breakpoint
CREATE INDEX "exams_org_id_idx" ON "exams" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "exams_created_by_id_idx" ON "exams" USING btree ("created_by_id");