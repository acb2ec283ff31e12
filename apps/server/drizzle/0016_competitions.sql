CREATE TABLE "competition_answers" (
	"entry_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"answer" jsonb,
	"correct" boolean,
	"points" integer DEFAULT 0 NOT NULL,
	"elapsed_ms" integer,
	CONSTRAINT "competition_answers_entry_id_position_pk" PRIMARY KEY("entry_id","position")
);
--> statement-breakpoint
CREATE TABLE "competition_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"competition_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"admit_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"score" integer DEFAULT 0 NOT NULL,
	"correct" integer DEFAULT 0 NOT NULL,
	"answered" integer DEFAULT 0 NOT NULL,
	"total_ms" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competition_questions" (
	"competition_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"question_id" uuid NOT NULL,
	"snapshot" jsonb NOT NULL,
	CONSTRAINT "competition_questions_competition_id_position_pk" PRIMARY KEY("competition_id","position")
);
--> statement-breakpoint
CREATE TABLE "competitions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"lobby_minutes" integer DEFAULT 30 NOT NULL,
	"question_seconds" integer DEFAULT 20 NOT NULL,
	"bank_ids" uuid[] NOT NULL,
	"draw_rules" jsonb NOT NULL,
	"draw_seed" text NOT NULL,
	"standings" text DEFAULT 'both' NOT NULL,
	"team_aggregate" text DEFAULT 'average' NOT NULL,
	"publish_top_list" boolean DEFAULT false NOT NULL,
	"top_list_size" integer DEFAULT 10 NOT NULL,
	"audience_org_ids" uuid[] NOT NULL,
	"audience_paths" text[] NOT NULL,
	"wave_size" integer DEFAULT 200 NOT NULL,
	"wave_ms" integer DEFAULT 1000 NOT NULL,
	"anomaly_floor_ms" integer DEFAULT 1500 NOT NULL,
	"anomaly_min_count" integer DEFAULT 3 NOT NULL,
	"joined_count" integer DEFAULT 0 NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "competition_answers" ADD CONSTRAINT "competition_answers_entry_id_competition_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."competition_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_entries" ADD CONSTRAINT "competition_entries_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_entries" ADD CONSTRAINT "competition_entries_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_entries" ADD CONSTRAINT "competition_entries_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_questions" ADD CONSTRAINT "competition_questions_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitions" ADD CONSTRAINT "competitions_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitions" ADD CONSTRAINT "competitions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "competition_answers_answered_idx" ON "competition_answers" USING btree ("entry_id") WHERE "competition_answers"."answered_at" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "competition_entries_member_key" ON "competition_entries" USING btree ("competition_id","member_id");--> statement-breakpoint
CREATE INDEX "competition_entries_member_id_idx" ON "competition_entries" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "competition_entries_org_id_idx" ON "competition_entries" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "competition_entries_score_idx" ON "competition_entries" USING btree ("competition_id","score");--> statement-breakpoint
CREATE INDEX "competitions_org_path_idx" ON "competitions" USING btree ("org_path");--> statement-breakpoint
CREATE INDEX "competitions_org_id_idx" ON "competitions" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "competitions_starts_at_idx" ON "competitions" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "competitions_created_by_id_idx" ON "competitions" USING btree ("created_by_id");--> statement-breakpoint
INSERT INTO "point_rules" ("version_id", "code", "category", "name_zh", "name_en", "points", "unit", "cap_day", "cap_month", "cap_year", "evidence_required", "source", "approval_required", "veto", "exempt_categories", "sort_order")
SELECT v.id, 'competition_taken', 'study', '参加知识竞赛', 'Takes part in a knowledge competition', 1, 'occurrence', 1, 2, 6, false, 'competition', false, false, '[]'::jsonb, 55
FROM "point_rule_versions" v WHERE v.id = '5d1c0c7e-3b8a-4f0e-9a61-2c4b1e000001'
ON CONFLICT DO NOTHING;
