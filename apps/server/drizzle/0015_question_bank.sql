CREATE TABLE "question_banks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "questions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"bank_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"stem" text NOT NULL,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"answer" jsonb NOT NULL,
	"explanation" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"difficulty" smallint DEFAULT 2 NOT NULL,
	"points" integer DEFAULT 1 NOT NULL,
	"content_hash" text NOT NULL,
	"replaces_id" uuid,
	"retired_at" timestamp with time zone,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "question_banks" ADD CONSTRAINT "question_banks_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_banks" ADD CONSTRAINT "question_banks_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_bank_id_question_banks_id_fk" FOREIGN KEY ("bank_id") REFERENCES "public"."question_banks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "question_banks_org_name_key" ON "question_banks" USING btree ("org_id","name");--> statement-breakpoint
CREATE INDEX "question_banks_org_path_idx" ON "question_banks" USING btree ("org_path");--> statement-breakpoint
CREATE INDEX "question_banks_created_by_id_idx" ON "question_banks" USING btree ("created_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "questions_bank_hash_live_key" ON "questions" USING btree ("bank_id","content_hash") WHERE "questions"."retired_at" is null;--> statement-breakpoint
CREATE INDEX "questions_bank_id_idx" ON "questions" USING btree ("bank_id");--> statement-breakpoint
CREATE INDEX "questions_bank_live_idx" ON "questions" USING btree ("bank_id","difficulty") WHERE "questions"."retired_at" is null;--> statement-breakpoint
CREATE INDEX "questions_tags_idx" ON "questions" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "questions_created_by_id_idx" ON "questions" USING btree ("created_by_id");