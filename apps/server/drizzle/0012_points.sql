CREATE TABLE "member_point_balances" (
	"member_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_point_balances_member_id_year_pk" PRIMARY KEY("member_id","year")
);
--> statement-breakpoint
CREATE TABLE "point_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"org_id" uuid,
	"year" integer NOT NULL,
	"occurred_on" date NOT NULL,
	"period_key" text NOT NULL,
	"rule_version_id" uuid NOT NULL,
	"rule_code" text NOT NULL,
	"source_type" text NOT NULL,
	"source_id" text NOT NULL,
	"source_label" text NOT NULL,
	"points" integer NOT NULL,
	"nominal_points" integer NOT NULL,
	"adjustment" text,
	"reverses_entry_id" uuid,
	"reason" text,
	"idempotency_key" text NOT NULL,
	"created_by_id" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "point_exemptions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"category" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"reason" text NOT NULL,
	"created_by_id" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "point_grant_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"rule_version_id" uuid NOT NULL,
	"rule_code" text NOT NULL,
	"occurred_on" date NOT NULL,
	"points" integer NOT NULL,
	"reason" text NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by_id" uuid,
	"requested_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by_id" uuid,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"entry_id" uuid
);
--> statement-breakpoint
CREATE TABLE "point_objections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"publication_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"entry_id" uuid,
	"text" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"upheld" boolean,
	"answer" text,
	"answered_by_id" uuid,
	"answered_by_name" text,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "point_publications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"period_kind" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"objection_deadline" date NOT NULL,
	"objection_days" integer NOT NULL,
	"member_count" integer NOT NULL,
	"total_points" integer NOT NULL,
	"note" text,
	"published_by_id" uuid,
	"published_by_name" text
);
--> statement-breakpoint
CREATE TABLE "point_rule_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"effective_from" date NOT NULL,
	"note" text,
	"scheme" jsonb NOT NULL,
	"created_by_id" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "point_rules" (
	"version_id" uuid NOT NULL,
	"code" text NOT NULL,
	"category" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"points" integer NOT NULL,
	"unit" text NOT NULL,
	"cap_day" integer,
	"cap_month" integer,
	"cap_year" integer,
	"evidence_required" boolean DEFAULT false NOT NULL,
	"source" text NOT NULL,
	"approval_required" boolean DEFAULT false NOT NULL,
	"veto" boolean DEFAULT false NOT NULL,
	"exempt_categories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "point_rules_version_id_code_pk" PRIMARY KEY("version_id","code")
);
--> statement-breakpoint
ALTER TABLE "member_point_balances" ADD CONSTRAINT "member_point_balances_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_entries" ADD CONSTRAINT "point_entries_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_entries" ADD CONSTRAINT "point_entries_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_entries" ADD CONSTRAINT "point_entries_rule_version_id_point_rule_versions_id_fk" FOREIGN KEY ("rule_version_id") REFERENCES "public"."point_rule_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_entries" ADD CONSTRAINT "point_entries_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_exemptions" ADD CONSTRAINT "point_exemptions_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_exemptions" ADD CONSTRAINT "point_exemptions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_grant_requests" ADD CONSTRAINT "point_grant_requests_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_grant_requests" ADD CONSTRAINT "point_grant_requests_rule_version_id_point_rule_versions_id_fk" FOREIGN KEY ("rule_version_id") REFERENCES "public"."point_rule_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_grant_requests" ADD CONSTRAINT "point_grant_requests_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_grant_requests" ADD CONSTRAINT "point_grant_requests_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_grant_requests" ADD CONSTRAINT "point_grant_requests_entry_id_point_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."point_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_objections" ADD CONSTRAINT "point_objections_publication_id_point_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."point_publications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_objections" ADD CONSTRAINT "point_objections_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_objections" ADD CONSTRAINT "point_objections_entry_id_point_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."point_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_objections" ADD CONSTRAINT "point_objections_answered_by_id_users_id_fk" FOREIGN KEY ("answered_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_publications" ADD CONSTRAINT "point_publications_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_publications" ADD CONSTRAINT "point_publications_published_by_id_users_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_rule_versions" ADD CONSTRAINT "point_rule_versions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_rules" ADD CONSTRAINT "point_rules_version_id_point_rule_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."point_rule_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_point_balances_year_idx" ON "member_point_balances" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "point_entries_idempotency_key" ON "point_entries" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "point_entries_reverses_entry_id_key" ON "point_entries" USING btree ("reverses_entry_id") WHERE "point_entries"."reverses_entry_id" is not null;--> statement-breakpoint
CREATE INDEX "point_entries_member_year_idx" ON "point_entries" USING btree ("member_id","year","rule_code","occurred_on");--> statement-breakpoint
CREATE INDEX "point_entries_source_idx" ON "point_entries" USING btree ("source_type","source_id");--> statement-breakpoint
CREATE INDEX "point_entries_year_occurred_on_idx" ON "point_entries" USING btree ("year","occurred_on");--> statement-breakpoint
CREATE INDEX "point_entries_rule_version_id_idx" ON "point_entries" USING btree ("rule_version_id");--> statement-breakpoint
CREATE INDEX "point_entries_org_id_idx" ON "point_entries" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "point_entries_created_by_id_idx" ON "point_entries" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "point_exemptions_member_id_idx" ON "point_exemptions" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "point_exemptions_created_by_id_idx" ON "point_exemptions" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "point_grant_requests_member_id_idx" ON "point_grant_requests" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "point_grant_requests_status_idx" ON "point_grant_requests" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "point_grant_requests_rule_version_id_idx" ON "point_grant_requests" USING btree ("rule_version_id");--> statement-breakpoint
CREATE INDEX "point_grant_requests_requested_by_id_idx" ON "point_grant_requests" USING btree ("requested_by_id");--> statement-breakpoint
CREATE INDEX "point_grant_requests_decided_by_id_idx" ON "point_grant_requests" USING btree ("decided_by_id");--> statement-breakpoint
CREATE INDEX "point_grant_requests_entry_id_idx" ON "point_grant_requests" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "point_objections_publication_id_idx" ON "point_objections" USING btree ("publication_id");--> statement-breakpoint
CREATE INDEX "point_objections_member_id_idx" ON "point_objections" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "point_objections_entry_id_idx" ON "point_objections" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "point_objections_status_idx" ON "point_objections" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "point_objections_answered_by_id_idx" ON "point_objections" USING btree ("answered_by_id");--> statement-breakpoint
CREATE INDEX "point_publications_org_id_idx" ON "point_publications" USING btree ("org_id","period_key");--> statement-breakpoint
CREATE INDEX "point_publications_deadline_idx" ON "point_publications" USING btree ("objection_deadline");--> statement-breakpoint
CREATE INDEX "point_publications_published_by_id_idx" ON "point_publications" USING btree ("published_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "point_rule_versions_effective_from_key" ON "point_rule_versions" USING btree ("effective_from");--> statement-breakpoint
CREATE INDEX "point_rule_versions_created_by_id_idx" ON "point_rule_versions" USING btree ("created_by_id");--> statement-breakpoint
CREATE FUNCTION "point_entries_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'point_entries is append-only: book a reversing entry instead' USING ERRCODE = 'restrict_violation';
END
$$;
--> statement-breakpoint
CREATE TRIGGER "point_entries_append_only" BEFORE UPDATE OR DELETE ON "point_entries"
FOR EACH ROW EXECUTE FUNCTION "point_entries_append_only"();
--> statement-breakpoint
INSERT INTO "point_rule_versions" ("id", "effective_from", "note", "scheme", "created_by_name") VALUES
('5d1c0c7e-3b8a-4f0e-9a61-2c4b1e000001', DATE '2024-01-01',
 '默认方案：参照华宁县“共产党员户+星级”（基础分60分，季度公示设异议渠道，年度60/70/80/90/96分评一至五星，民主评议不合格不评星）；扣分项参照内蒙古党员分类积分制管理积分表，加分项参照百分制五星评定和“基础70+评议20+贡献10”做法。各项可按本地实际调整。',
 '{"starThresholds":[60,70,80,90,96],"unqualifiedZeroStars":true,"gradeBonus":{"excellent":0,"qualified":0,"basically_qualified":0,"unqualified":0},"vetoZeroesScore":true,"objectionWorkingDays":5,"elderlyAge":70}',
 'migration');
--> statement-breakpoint
INSERT INTO "point_rules" ("version_id", "code", "category", "name_zh", "name_en", "points", "unit", "cap_day", "cap_month", "cap_year", "evidence_required", "source", "approval_required", "veto", "exempt_categories", "sort_order")
SELECT '5d1c0c7e-3b8a-4f0e-9a61-2c4b1e000001', r.code, r.category, r.name_zh, r.name_en, r.points, r.unit, r.cap_day, r.cap_month, r.cap_year, r.evidence, r.source, r.approval, r.veto, r.exempt::jsonb, r.sort_order
FROM (VALUES
  ('base_score', 'basic', '基础分', 'Base score', 60, 'year', NULL::int, NULL::int, 60, false, 'base', false, false, '[]', 10),
  ('meeting_attendance', 'org_life', '按时参加组织生活（三会一课、主题党日等）', 'Takes part in organizational life (three meetings and one lecture, Theme Party Day …)', 1, 'occurrence', 2, 3, 30, false, 'attendance', false, false, '[]', 20),
  ('absence_without_leave', 'org_life', '无故缺席组织生活（未请假或请假未获批准）', 'Absent from organizational life without approved leave', -2, 'occurrence', NULL, 6, NULL, false, 'absence_without_leave', false, false, '["elderly","long_ill","disabled"]', 30),
  ('study_session', 'study', '参加集中学习培训', 'Attends group study and training', 2, 'occurrence', NULL, NULL, 12, false, 'study', false, false, '[]', 40),
  ('quiz_passed', 'study', '应知应会测试合格', 'Passes the knowledge test', 2, 'occurrence', NULL, NULL, 8, false, 'quiz', false, false, '[]', 50),
  ('no_study_notes', 'study', '未按要求完成学习笔记、心得体会', 'Study notes or reflections not done as required', -2, 'occurrence', NULL, NULL, NULL, false, 'manual', false, false, '["elderly","long_ill","disabled"]', 60),
  ('dues_on_time', 'duty', '按月足额交纳党费', 'Pays party dues in full each month', 1, 'month', NULL, NULL, 12, false, 'dues_on_time', false, false, '[]', 70),
  ('dues_late', 'duty', '未按时交纳党费，经提醒仍未交纳', 'Dues unpaid despite reminders', -2, 'occurrence', NULL, NULL, NULL, false, 'manual', false, false, '[]', 80),
  ('urgent_task', 'duty', '参加防汛、防火、疫情防控等急难险重任务', 'Takes on urgent duties (flood, fire, epidemic control …)', 2, 'occurrence', NULL, NULL, 6, false, 'manual', true, false, '[]', 90),
  ('task_refused', 'duty', '推诿、拒不完成组织安排的任务', 'Shirks or refuses a task given by the organization', -10, 'occurrence', NULL, NULL, NULL, true, 'manual', true, false, '[]', 100),
  ('volunteer_service', 'pioneer', '参加志愿服务（双报到，经社区确认）', 'Volunteer service confirmed by the community', 2, 'occurrence', NULL, 4, 10, false, 'volunteer_hours', false, false, '[]', 110),
  ('adopted_suggestion', 'pioneer', '合理化建议被采纳', 'A suggestion is adopted', 3, 'occurrence', NULL, NULL, 9, false, 'adopted_suggestion', false, false, '[]', 120),
  ('commitment_fulfilled', 'pioneer', '践行承诺、在先锋岗履职突出', 'Fulfils commitments and stands out at a pioneer post', 3, 'occurrence', NULL, NULL, 9, true, 'manual', true, false, '[]', 130),
  ('mass_praise', 'pioneer', '收到群众表扬信、锦旗', 'Praised by the public (letter, banner)', 1, 'occurrence', NULL, NULL, 5, true, 'manual', true, false, '[]', 140),
  ('commended', 'pioneer', '受到县级以上表彰', 'Commended at county level or above', 5, 'occurrence', NULL, NULL, 10, true, 'manual', true, false, '[]', 150),
  ('discipline_breach', 'discipline', '违反纪律规定、造成不良影响', 'Breaks the rules with a bad effect', -5, 'occurrence', NULL, NULL, NULL, true, 'manual', true, false, '[]', 160),
  ('veto', 'discipline', '一票否决：受到党纪处分、违法犯罪、参与邪教等', 'Veto: party disciplinary sanction, crime, cult participation …', 0, 'occurrence', NULL, NULL, NULL, true, 'manual', true, true, '[]', 170)
) AS r(code, category, name_zh, name_en, points, unit, cap_day, cap_month, cap_year, evidence, source, approval, veto, exempt, sort_order);
