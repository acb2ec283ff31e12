CREATE TABLE "audit_pending" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"actor_id" text,
	"actor_name" text,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"org_path" text,
	"before" jsonb,
	"after" jsonb,
	"request_id" text,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "activity_types" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"category" text NOT NULL,
	"sort_order" integer NOT NULL,
	"builtin" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checkin_rejections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"meeting_id" uuid,
	"member_id" uuid,
	"user_id" uuid,
	"staff_token_id" uuid,
	"method" text NOT NULL,
	"reason" text NOT NULL,
	"detail" jsonb,
	"nonce" text,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "checkin_staff_tokens" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"label" text NOT NULL,
	"token_hash" text NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by_id" uuid,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "compliance_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"type_code" text NOT NULL,
	"org_type" text NOT NULL,
	"cycle" text NOT NULL,
	"expected_count" integer NOT NULL,
	"per_group" boolean DEFAULT false NOT NULL,
	"effective_from" date NOT NULL,
	"note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_amendments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"field" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"reason" text NOT NULL,
	"by_id" uuid,
	"by_name" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_attendance" (
	"meeting_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"status" text NOT NULL,
	"method" text NOT NULL,
	"checked_in_at" timestamp with time zone NOT NULL,
	"nonce" text,
	"staff_token_id" uuid,
	"by_user_id" uuid,
	"by_name" text,
	"reason" text,
	"latitude" double precision,
	"longitude" double precision,
	"accuracy_meters" double precision,
	CONSTRAINT "meeting_attendance_meeting_id_member_id_pk" PRIMARY KEY("meeting_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"thumb_sha256" text,
	"uploaded_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	"removed_reason" text
);
--> statement-breakpoint
CREATE TABLE "meeting_leaves" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by_id" uuid,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_orgs" (
	"meeting_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	CONSTRAINT "meeting_orgs_meeting_id_org_id_pk" PRIMARY KEY("meeting_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_participants" (
	"meeting_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"member_name" text NOT NULL,
	CONSTRAINT "meeting_participants_meeting_id_member_id_pk" PRIMARY KEY("meeting_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_types" (
	"meeting_id" uuid NOT NULL,
	"type_code" text NOT NULL,
	CONSTRAINT "meeting_types_meeting_id_type_code_pk" PRIMARY KEY("meeting_id","type_code")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"title" text NOT NULL,
	"agenda" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"venue_id" uuid,
	"location" text,
	"host_name" text,
	"recorder_name" text,
	"organizer_member_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"participant_spec" jsonb NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"cancel_reason" text,
	"checkin_secret" text NOT NULL,
	"checkin_rotation_seconds" integer DEFAULT 30 NOT NULL,
	"checkin_grace_seconds" integer DEFAULT 10 NOT NULL,
	"checkin_opens_at" timestamp with time zone NOT NULL,
	"checkin_closes_at" timestamp with time zone NOT NULL,
	"late_after" timestamp with time zone NOT NULL,
	"geofence_enabled" boolean DEFAULT false NOT NULL,
	"geofence_latitude" double precision,
	"geofence_longitude" double precision,
	"geofence_radius_meters" integer,
	"minutes" text,
	"archived_at" timestamp with time zone,
	"archived_by_id" uuid,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_group_members" (
	"member_id" uuid PRIMARY KEY NOT NULL,
	"group_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "checkin_staff_tokens" ADD CONSTRAINT "checkin_staff_tokens_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_staff_tokens" ADD CONSTRAINT "checkin_staff_tokens_revoked_by_id_users_id_fk" FOREIGN KEY ("revoked_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_staff_tokens" ADD CONSTRAINT "checkin_staff_tokens_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_rules" ADD CONSTRAINT "compliance_rules_type_code_activity_types_code_fk" FOREIGN KEY ("type_code") REFERENCES "public"."activity_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_amendments" ADD CONSTRAINT "meeting_amendments_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_amendments" ADD CONSTRAINT "meeting_amendments_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_files" ADD CONSTRAINT "meeting_files_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_files" ADD CONSTRAINT "meeting_files_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_leaves" ADD CONSTRAINT "meeting_leaves_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_leaves" ADD CONSTRAINT "meeting_leaves_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_leaves" ADD CONSTRAINT "meeting_leaves_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_orgs" ADD CONSTRAINT "meeting_orgs_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_orgs" ADD CONSTRAINT "meeting_orgs_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_types" ADD CONSTRAINT "meeting_types_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_types" ADD CONSTRAINT "meeting_types_type_code_activity_types_code_fk" FOREIGN KEY ("type_code") REFERENCES "public"."activity_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_archived_by_id_users_id_fk" FOREIGN KEY ("archived_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_group_members" ADD CONSTRAINT "party_group_members_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_group_members" ADD CONSTRAINT "party_group_members_group_id_organizations_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "checkin_rejections_meeting_id_idx" ON "checkin_rejections" USING btree ("meeting_id","at");--> statement-breakpoint
CREATE INDEX "checkin_rejections_member_id_idx" ON "checkin_rejections" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "checkin_staff_tokens_hash_key" ON "checkin_staff_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "checkin_staff_tokens_meeting_id_idx" ON "checkin_staff_tokens" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "checkin_staff_tokens_revoked_by_id_idx" ON "checkin_staff_tokens" USING btree ("revoked_by_id");--> statement-breakpoint
CREATE INDEX "checkin_staff_tokens_created_by_id_idx" ON "checkin_staff_tokens" USING btree ("created_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "compliance_rules_key" ON "compliance_rules" USING btree ("type_code","org_type","effective_from");--> statement-breakpoint
CREATE INDEX "meeting_amendments_meeting_id_idx" ON "meeting_amendments" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_amendments_by_id_idx" ON "meeting_amendments" USING btree ("by_id");--> statement-breakpoint
CREATE INDEX "meeting_attendance_member_id_idx" ON "meeting_attendance" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "meeting_files_meeting_id_idx" ON "meeting_files" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_files_uploaded_by_id_idx" ON "meeting_files" USING btree ("uploaded_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_leaves_one_open_key" ON "meeting_leaves" USING btree ("meeting_id","member_id") WHERE "meeting_leaves"."status" in ('pending', 'approved');--> statement-breakpoint
CREATE INDEX "meeting_leaves_member_id_idx" ON "meeting_leaves" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "meeting_leaves_decided_by_id_idx" ON "meeting_leaves" USING btree ("decided_by_id");--> statement-breakpoint
CREATE INDEX "meeting_orgs_org_id_idx" ON "meeting_orgs" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "meeting_participants_member_id_idx" ON "meeting_participants" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "meeting_participants_org_id_idx" ON "meeting_participants" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "meeting_types_type_code_idx" ON "meeting_types" USING btree ("type_code");--> statement-breakpoint
CREATE INDEX "meetings_org_id_starts_at_idx" ON "meetings" USING btree ("org_id","starts_at");--> statement-breakpoint
CREATE INDEX "meetings_org_path_idx" ON "meetings" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "meetings_venue_id_starts_at_idx" ON "meetings" USING btree ("venue_id","starts_at");--> statement-breakpoint
CREATE INDEX "meetings_starts_at_idx" ON "meetings" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "meetings_created_by_id_idx" ON "meetings" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "meetings_archived_by_id_idx" ON "meetings" USING btree ("archived_by_id");--> statement-breakpoint
CREATE INDEX "party_group_members_group_id_idx" ON "party_group_members" USING btree ("group_id");--> statement-breakpoint
INSERT INTO "activity_types" ("code", "name_zh", "name_en", "category", "sort_order", "builtin") VALUES
('general_meeting', '支部党员大会', 'Branch general meeting', 'three_one', 1, true),
('committee_meeting', '支委会', 'Branch committee meeting', 'three_one', 2, true),
('group_meeting', '党小组会', 'Party group meeting', 'three_one', 3, true),
('party_lecture', '党课', 'Party lecture', 'three_one', 4, true),
('theme_day', '主题党日', 'Theme Party Day', 'life', 5, true),
('life_meeting', '组织生活会', 'Organizational life meeting', 'life', 6, true),
('democratic_review', '民主评议党员', 'Democratic review of members', 'life', 7, true),
('heart_talk', '谈心谈话', 'Heart-to-heart talk', 'life', 8, true),
('volunteer', '志愿服务', 'Volunteer service', 'service', 9, true),
('study', '学习/讲座', 'Study / lecture', 'study', 10, true),
('culture', '文体活动', 'Culture and sports', 'culture', 11, true),
('joint_meeting', '联席会议', 'Joint meeting', 'joint', 12, true),
('other', '其他', 'Other', 'other', 99, true);
--> statement-breakpoint
INSERT INTO "compliance_rules" ("id", "type_code", "org_type", "cycle", "expected_count", "per_group", "effective_from", "note")
SELECT gen_random_uuid(), r.type_code, t.org_type, r.cycle, r.expected_count, r.per_group, DATE '2018-10-28', r.note
FROM (VALUES
  ('committee_meeting', 'month', 1, false, '支委会一般每月召开1次（支部工作条例第十九条）'),
  ('group_meeting', 'month', 1, true, '党小组会一般每月召开1次，每个党小组分别计算'),
  ('general_meeting', 'quarter', 1, false, '党员大会一般每季度召开1次'),
  ('party_lecture', 'quarter', 1, false, '党课每季度至少1次（本地做法）'),
  ('theme_day', 'month', 1, false, '主题党日每月相对固定1天'),
  ('life_meeting', 'year', 1, false, '组织生活会每年至少1次，一般在第四季度'),
  ('democratic_review', 'year', 1, false, '民主评议党员一般每年1次'),
  ('heart_talk', 'year', 1, false, '谈心谈话每年一般不少于1次')
) AS r(type_code, cycle, expected_count, per_group, note)
CROSS JOIN (VALUES ('branch'), ('joint_branch'), ('temporary_branch')) AS t(org_type);
--> statement-breakpoint
INSERT INTO "rule_settings" ("key", "value", "note") VALUES
('checkin.rotation_seconds', 30, '签到二维码轮换周期（秒）'),
('checkin.grace_seconds', 10, '上一张签到码在轮换后仍然有效的宽限（秒）'),
('checkin.opens_before_minutes', 30, '会议开始前多少分钟开放签到'),
('checkin.closes_after_minutes', 0, '会议结束后多少分钟关闭签到'),
('checkin.late_after_minutes', 5, '会议开始多少分钟后签到记为迟到（本地做法）'),
('checkin.geofence_radius_meters', 500, '签到地理围栏默认半径（米）'),
('checkin.member_code_minutes', 5, '党员个人签到码有效期（分钟）'),
('compliance.warn_days_before_cycle_end', 10, '周期结束前多少天提示三会一课未完成');
