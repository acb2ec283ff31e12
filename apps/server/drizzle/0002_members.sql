CREATE TABLE "member_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"type" text NOT NULL,
	"effective_date" date NOT NULL,
	"org_id" uuid,
	"org_path" text,
	"from_org_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"recorded_by" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_initials" text NOT NULL,
	"name_pinyin" text NOT NULL,
	"name_mongolian" text,
	"gender" text NOT NULL,
	"id_number_enc" text NOT NULL,
	"id_number_hash" text NOT NULL,
	"id_number_masked" text NOT NULL,
	"id_tail" text NOT NULL,
	"ethnicity" text NOT NULL,
	"birth_date" date NOT NULL,
	"education" text NOT NULL,
	"job_category" text NOT NULL,
	"phone_enc" text,
	"phone_masked" text,
	"phone_tail" text,
	"address_enc" text,
	"native_place" text,
	"degree" text,
	"title" text,
	"work_unit" text,
	"work_post" text,
	"talent_flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"party_posts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"user_id" uuid,
	"org_id" uuid,
	"org_path" text,
	"category" text,
	"status" text DEFAULT 'active' NOT NULL,
	"party_status" text DEFAULT 'normal' NOT NULL,
	"lost_contact" boolean DEFAULT false NOT NULL,
	"lost_since" date,
	"flowing" boolean DEFAULT false NOT NULL,
	"flow_destination" text,
	"join_date" date,
	"full_member_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "member_events" ADD CONSTRAINT "member_events_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_events" ADD CONSTRAINT "member_events_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_events" ADD CONSTRAINT "member_events_from_org_id_organizations_id_fk" FOREIGN KEY ("from_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "member_events_member_seq_key" ON "member_events" USING btree ("member_id","seq");--> statement-breakpoint
CREATE INDEX "member_events_member_date_idx" ON "member_events" USING btree ("member_id","effective_date");--> statement-breakpoint
CREATE INDEX "member_events_org_path_idx" ON "member_events" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "member_events_effective_date_idx" ON "member_events" USING btree ("effective_date");--> statement-breakpoint
CREATE INDEX "member_events_from_org_id_idx" ON "member_events" USING btree ("from_org_id");--> statement-breakpoint
CREATE INDEX "member_events_org_id_idx" ON "member_events" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "members_id_number_hash_key" ON "members" USING btree ("id_number_hash");--> statement-breakpoint
CREATE INDEX "members_org_path_idx" ON "members" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "members_org_id_idx" ON "members" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "members_name_initials_idx" ON "members" USING btree ("name_initials" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "members_name_idx" ON "members" USING btree ("name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "members_user_id_idx" ON "members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "members_status_idx" ON "members" USING btree ("status");