CREATE TABLE "committee_members" (
	"id" uuid PRIMARY KEY NOT NULL,
	"committee_id" uuid NOT NULL,
	"member_id" uuid,
	"name" text NOT NULL,
	"position" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "committees" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"term_number" integer NOT NULL,
	"elected_on" date NOT NULL,
	"term_years" integer NOT NULL,
	"expires_on" date NOT NULL,
	"is_current" boolean DEFAULT true NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "term_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_type" text,
	"domain" text,
	"term_years" integer NOT NULL,
	"effective_from" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_units" (
	"org_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_units_org_id_unit_id_pk" PRIMARY KEY("org_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"credit_code" text,
	"kind" text NOT NULL,
	"industry" text,
	"economic_type" text,
	"enterprise_scale" text,
	"above_designated_size" boolean DEFAULT false NOT NULL,
	"employees" integer,
	"employees_under35" integer,
	"legal_rep_is_member" boolean DEFAULT false NOT NULL,
	"address" text,
	"owner_org_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "venues" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"address" text,
	"longitude" double precision,
	"latitude" double precision,
	"capacity" integer,
	"facilities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"open_hours" text,
	"contact_person" text,
	"contact_phone" text,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "founded_on" date;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "founding_doc_no" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "longitude" double precision;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "contact_person" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "contact_phone" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "unit_situation" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "secretary_name" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "project_name" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "temporary_until" date;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "dissolved_on" date;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "dissolved_reason" text;--> statement-breakpoint
ALTER TABLE "committee_members" ADD CONSTRAINT "committee_members_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_members" ADD CONSTRAINT "committee_members_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committees" ADD CONSTRAINT "committees_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_owner_org_id_organizations_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venues" ADD CONSTRAINT "venues_owner_org_id_organizations_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "committee_members_committee_id_idx" ON "committee_members" USING btree ("committee_id");--> statement-breakpoint
CREATE INDEX "committee_members_member_id_idx" ON "committee_members" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "committees_org_term_key" ON "committees" USING btree ("org_id","term_number");--> statement-breakpoint
CREATE UNIQUE INDEX "committees_one_current_key" ON "committees" USING btree ("org_id") WHERE "committees"."is_current";--> statement-breakpoint
CREATE INDEX "committees_expires_on_idx" ON "committees" USING btree ("expires_on");--> statement-breakpoint
CREATE INDEX "org_units_unit_id_idx" ON "org_units" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "units_credit_code_key" ON "units" USING btree ("credit_code") WHERE "units"."credit_code" is not null;--> statement-breakpoint
CREATE INDEX "units_owner_org_id_idx" ON "units" USING btree ("owner_org_id");--> statement-breakpoint
CREATE INDEX "units_kind_idx" ON "units" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "venues_owner_org_id_idx" ON "venues" USING btree ("owner_org_id");--> statement-breakpoint
-- Default term rules (《关于党的基层组织任期的意见》2018): the most specific rule in force on the election date applies.
INSERT INTO "term_rules" ("id", "org_type", "domain", "term_years", "effective_from", "note") VALUES
('00000000-0000-4000-8000-000000000301', NULL, 'village', 5, '2018-07-01', '村(嘎查)党组织每届任期 5 年'),
('00000000-0000-4000-8000-000000000302', NULL, 'community', 5, '2018-07-01', '社区党组织每届任期 5 年'),
('00000000-0000-4000-8000-000000000303', 'work_committee', NULL, 5, '2018-07-01', '党的基层委员会每届任期 5 年'),
('00000000-0000-4000-8000-000000000304', 'party_committee', NULL, 5, '2018-07-01', '党的基层委员会每届任期 5 年'),
('00000000-0000-4000-8000-000000000305', 'general_branch', NULL, 3, '2018-07-01', '党总支每届任期 3 年'),
('00000000-0000-4000-8000-000000000306', 'branch', NULL, 3, '2018-07-01', '党支部每届任期 3 年'),
('00000000-0000-4000-8000-000000000307', 'joint_branch', NULL, 3, '2018-07-01', '联合党支部每届任期 3 年')
ON CONFLICT DO NOTHING;
