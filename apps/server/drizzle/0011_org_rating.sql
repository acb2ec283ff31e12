CREATE TABLE "org_rating_evidence" (
	"id" uuid PRIMARY KEY NOT NULL,
	"rating_id" uuid NOT NULL,
	"indicator_id" uuid,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"content_type" text NOT NULL,
	"uploaded_by_id" uuid,
	"uploaded_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	"removed_reason" text
);
--> statement-breakpoint
CREATE TABLE "org_rating_objections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"rating_id" uuid NOT NULL,
	"text" text NOT NULL,
	"raised_by_id" uuid,
	"raised_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"outcome" text,
	"answer" text,
	"answered_by_id" uuid,
	"answered_by_name" text,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "org_rating_reviewers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"rating_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"user_name" text NOT NULL,
	"assigned_by_id" uuid,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"comment" text
);
--> statement-breakpoint
CREATE TABLE "org_rating_scores" (
	"id" uuid PRIMARY KEY NOT NULL,
	"rating_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"scorer" text NOT NULL,
	"scorer_name" text,
	"value" double precision,
	"points" double precision,
	"adjustment" double precision,
	"reason" text,
	"detail" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_rating_vetoes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"rating_id" uuid NOT NULL,
	"veto_rule_id" uuid NOT NULL,
	"computed" boolean DEFAULT false NOT NULL,
	"reason" text NOT NULL,
	"detail" jsonb,
	"recorded_by_id" uuid,
	"recorded_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cleared_at" timestamp with time zone,
	"cleared_by_id" uuid,
	"cleared_by_name" text,
	"cleared_reason" text
);
--> statement-breakpoint
CREATE TABLE "org_ratings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"org_name" text NOT NULL,
	"state" text DEFAULT 'self_assessment' NOT NULL,
	"has_innovation" boolean DEFAULT false NOT NULL,
	"innovation_note" text,
	"self_score" double precision,
	"review_score" double precision,
	"score" double precision,
	"rule_stars" integer,
	"stars" integer,
	"stars_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"override_reason" text,
	"vetoed" boolean DEFAULT false NOT NULL,
	"previous_stars" integer,
	"previous_year" integer,
	"change" text,
	"returned_reason" text,
	"submitted_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"objection_deadline" timestamp with time zone,
	"finalized_at" timestamp with time zone,
	"finalized_by_id" uuid,
	"computed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_star_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"year" integer NOT NULL,
	"rating_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"stars" integer,
	"previous_stars" integer,
	"change" text NOT NULL,
	"score" double precision,
	"reason" text,
	"by_id" uuid,
	"by_name" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rating_campaigns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"scheme_id" uuid NOT NULL,
	"root_org_id" uuid NOT NULL,
	"root_path" text NOT NULL,
	"self_due_on" date,
	"review_due_on" date,
	"created_by_id" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rating_indicators" (
	"id" uuid PRIMARY KEY NOT NULL,
	"scheme_id" uuid NOT NULL,
	"code" text NOT NULL,
	"sort_order" integer NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" text NOT NULL,
	"max_points" double precision NOT NULL,
	"criteria_zh" text NOT NULL,
	"criteria_en" text NOT NULL,
	"evidence_required" boolean DEFAULT false NOT NULL,
	"source" text,
	"source_map" jsonb
);
--> statement-breakpoint
CREATE TABLE "rating_schemes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"effective_from" date NOT NULL,
	"cycle" text NOT NULL,
	"org_types" jsonb NOT NULL,
	"domains" jsonb,
	"thresholds" jsonb NOT NULL,
	"quotas" jsonb NOT NULL,
	"publication_days" integer DEFAULT 5 NOT NULL,
	"requires_innovation_for5_star" boolean DEFAULT false NOT NULL,
	"allow_above_base" boolean DEFAULT false NOT NULL,
	"veto_stars" integer,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rating_veto_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"scheme_id" uuid NOT NULL,
	"code" text NOT NULL,
	"sort_order" integer NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"source" text
);
--> statement-breakpoint
ALTER TABLE "org_rating_evidence" ADD CONSTRAINT "org_rating_evidence_rating_id_org_ratings_id_fk" FOREIGN KEY ("rating_id") REFERENCES "public"."org_ratings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_rating_evidence" ADD CONSTRAINT "org_rating_evidence_indicator_id_rating_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."rating_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_rating_evidence" ADD CONSTRAINT "org_rating_evidence_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_rating_objections" ADD CONSTRAINT "org_rating_objections_rating_id_org_ratings_id_fk" FOREIGN KEY ("rating_id") REFERENCES "public"."org_ratings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_rating_objections" ADD CONSTRAINT "org_rating_objections_raised_by_id_users_id_fk" FOREIGN KEY ("raised_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_rating_objections" ADD CONSTRAINT "org_rating_objections_answered_by_id_users_id_fk" FOREIGN KEY ("answered_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_rating_reviewers" ADD CONSTRAINT "org_rating_reviewers_rating_id_org_ratings_id_fk" FOREIGN KEY ("rating_id") REFERENCES "public"."org_ratings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_rating_reviewers" ADD CONSTRAINT "org_rating_reviewers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_rating_reviewers" ADD CONSTRAINT "org_rating_reviewers_assigned_by_id_users_id_fk" FOREIGN KEY ("assigned_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_rating_scores" ADD CONSTRAINT "org_rating_scores_rating_id_org_ratings_id_fk" FOREIGN KEY ("rating_id") REFERENCES "public"."org_ratings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_rating_scores" ADD CONSTRAINT "org_rating_scores_indicator_id_rating_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."rating_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_rating_vetoes" ADD CONSTRAINT "org_rating_vetoes_rating_id_org_ratings_id_fk" FOREIGN KEY ("rating_id") REFERENCES "public"."org_ratings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_rating_vetoes" ADD CONSTRAINT "org_rating_vetoes_veto_rule_id_rating_veto_rules_id_fk" FOREIGN KEY ("veto_rule_id") REFERENCES "public"."rating_veto_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_rating_vetoes" ADD CONSTRAINT "org_rating_vetoes_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_rating_vetoes" ADD CONSTRAINT "org_rating_vetoes_cleared_by_id_users_id_fk" FOREIGN KEY ("cleared_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_ratings" ADD CONSTRAINT "org_ratings_campaign_id_rating_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."rating_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_ratings" ADD CONSTRAINT "org_ratings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_ratings" ADD CONSTRAINT "org_ratings_finalized_by_id_users_id_fk" FOREIGN KEY ("finalized_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_star_history" ADD CONSTRAINT "org_star_history_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_star_history" ADD CONSTRAINT "org_star_history_rating_id_org_ratings_id_fk" FOREIGN KEY ("rating_id") REFERENCES "public"."org_ratings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_star_history" ADD CONSTRAINT "org_star_history_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_campaigns" ADD CONSTRAINT "rating_campaigns_scheme_id_rating_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."rating_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_campaigns" ADD CONSTRAINT "rating_campaigns_root_org_id_organizations_id_fk" FOREIGN KEY ("root_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_campaigns" ADD CONSTRAINT "rating_campaigns_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_indicators" ADD CONSTRAINT "rating_indicators_scheme_id_rating_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."rating_schemes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_veto_rules" ADD CONSTRAINT "rating_veto_rules_scheme_id_rating_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."rating_schemes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "org_rating_evidence_rating_id_idx" ON "org_rating_evidence" USING btree ("rating_id");--> statement-breakpoint
CREATE INDEX "org_rating_evidence_indicator_id_idx" ON "org_rating_evidence" USING btree ("indicator_id");--> statement-breakpoint
CREATE INDEX "org_rating_evidence_uploaded_by_id_idx" ON "org_rating_evidence" USING btree ("uploaded_by_id");--> statement-breakpoint
CREATE INDEX "org_rating_objections_rating_id_idx" ON "org_rating_objections" USING btree ("rating_id");--> statement-breakpoint
CREATE INDEX "org_rating_objections_raised_by_id_idx" ON "org_rating_objections" USING btree ("raised_by_id");--> statement-breakpoint
CREATE INDEX "org_rating_objections_answered_by_id_idx" ON "org_rating_objections" USING btree ("answered_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "org_rating_reviewers_key" ON "org_rating_reviewers" USING btree ("rating_id","user_id");--> statement-breakpoint
CREATE INDEX "org_rating_reviewers_user_id_idx" ON "org_rating_reviewers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "org_rating_reviewers_assigned_by_id_idx" ON "org_rating_reviewers" USING btree ("assigned_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "org_rating_scores_key" ON "org_rating_scores" USING btree ("rating_id","indicator_id","scorer");--> statement-breakpoint
CREATE INDEX "org_rating_scores_indicator_id_idx" ON "org_rating_scores" USING btree ("indicator_id");--> statement-breakpoint
CREATE INDEX "org_rating_vetoes_rating_id_idx" ON "org_rating_vetoes" USING btree ("rating_id");--> statement-breakpoint
CREATE INDEX "org_rating_vetoes_veto_rule_id_idx" ON "org_rating_vetoes" USING btree ("veto_rule_id");--> statement-breakpoint
CREATE INDEX "org_rating_vetoes_recorded_by_id_idx" ON "org_rating_vetoes" USING btree ("recorded_by_id");--> statement-breakpoint
CREATE INDEX "org_rating_vetoes_cleared_by_id_idx" ON "org_rating_vetoes" USING btree ("cleared_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "org_rating_vetoes_one_active_key" ON "org_rating_vetoes" USING btree ("rating_id","veto_rule_id") WHERE "org_rating_vetoes"."cleared_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "org_ratings_campaign_org_key" ON "org_ratings" USING btree ("campaign_id","org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "org_ratings_org_year_key" ON "org_ratings" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "org_ratings_org_path_idx" ON "org_ratings" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "org_ratings_finalized_by_id_idx" ON "org_ratings" USING btree ("finalized_by_id");--> statement-breakpoint
CREATE INDEX "org_star_history_org_id_idx" ON "org_star_history" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "org_star_history_org_path_idx" ON "org_star_history" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "org_star_history_rating_id_idx" ON "org_star_history" USING btree ("rating_id");--> statement-breakpoint
CREATE INDEX "org_star_history_by_id_idx" ON "org_star_history" USING btree ("by_id");--> statement-breakpoint
CREATE INDEX "rating_campaigns_root_path_idx" ON "rating_campaigns" USING btree ("root_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "rating_campaigns_scheme_id_idx" ON "rating_campaigns" USING btree ("scheme_id");--> statement-breakpoint
CREATE INDEX "rating_campaigns_root_org_id_idx" ON "rating_campaigns" USING btree ("root_org_id");--> statement-breakpoint
CREATE INDEX "rating_campaigns_created_by_id_idx" ON "rating_campaigns" USING btree ("created_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rating_indicators_scheme_code_key" ON "rating_indicators" USING btree ("scheme_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "rating_schemes_code_version_key" ON "rating_schemes" USING btree ("code","version");--> statement-breakpoint
CREATE UNIQUE INDEX "rating_veto_rules_scheme_code_key" ON "rating_veto_rules" USING btree ("scheme_id","code");--> statement-breakpoint
INSERT INTO "rating_schemes" ("id", "code", "version", "name_zh", "name_en", "effective_from", "cycle", "org_types", "domains", "thresholds", "quotas", "publication_days", "requires_innovation_for5_star", "allow_above_base", "veto_stars", "note") VALUES
('5a7e0000-0000-4000-8000-000000000001', 'five_star', 1, '五星创评', 'Five-star rating', DATE '2019-01-01', 'annual',
 '["branch", "joint_branch", "general_branch"]'::jsonb, NULL,
 '[{"stars": 5, "minScore": 90}, {"stars": 4, "minScore": 80}, {"stars": 3, "minScore": 70}, {"stars": 2, "minScore": 60}, {"stars": 1, "minScore": 0}]'::jsonb,
 '[{"stars": 5, "maxPercent": 10}, {"stars": 4, "maxPercent": 40}]'::jsonb,
 5, true, true, 1,
 '默认方案：8项指标共110分（7项基本指标100分＋加分项目10分）；≥90分且有党建创新项目为五星，80–89四星，70–79三星，60–69二星，60分以下一星；五星不超过10%、四星不超过40%；公示5天；触发一票否决的直接定为一星');
--> statement-breakpoint
INSERT INTO "rating_indicators" ("id", "scheme_id", "code", "sort_order", "name_zh", "name_en", "kind", "max_points", "criteria_zh", "criteria_en", "evidence_required", "source", "source_map")
SELECT gen_random_uuid(), '5a7e0000-0000-4000-8000-000000000001', i.code, i.sort_order, i.name_zh, i.name_en, i.kind, i.max_points, i.criteria_zh, i.criteria_en, i.evidence_required, i.source, NULL
FROM (VALUES
  ('leadership', 1, '领导班子', 'Leadership team', 'core', 15,
   '班子健全、按期换届；书记认真履行第一责任人职责，班子成员分工明确、团结协作、作风过硬。系统按届次记录计算评定年度内按期换届的天数占比。',
   'A complete committee elected on time; the secretary fulfils the first responsibility; clear division of work and unity. Computed from the term records: the share of the year with a term in force.',
   false, 'committee_terms'),
  ('team', 2, '骨干队伍', 'Core team', 'core', 15,
   '党员队伍结构合理，教育管理到位，积极分子培养有序；党员积极参加组织生活。系统按组织生活应到、实到人次计算出勤率（60%得0分，95%及以上得满分）。',
   'A well-structured membership, educated and managed; activists trained; members take part in organizational life. Computed as the attendance rate of organizational life (60% gives 0, 95% or more full points).',
   false, 'attendance_rate'),
  ('venue', 3, '活动阵地', 'Activity venue', 'core', 10,
   '有固定活动场所，标识规范、设施齐全、制度上墙，使用率高。须上传阵地照片等佐证材料。',
   'A fixed place for activities with proper signs, equipment and rules on the wall, well used. Photos of the venue are required.',
   true, NULL),
  ('systems', 4, '工作制度', 'Work systems', 'core', 20,
   '三会一课、主题党日、组织生活会、民主评议党员、谈心谈话等制度落实，记录规范。系统按三会一课完成率计算。',
   '三会一课, theme Party days, organizational life meetings, democratic review and heart-to-heart talks held as required, with proper records. Computed from the 三会一课 completion rate.',
   false, 'meeting_compliance'),
  ('support', 5, '保障机制', 'Support', 'core', 10,
   '活动经费有保障，党务工作者配备到位，党费收缴、使用、管理规范。须上传经费、人员等佐证材料。',
   'Funds for activities, party-work staff in place, dues collected, used and managed properly. Evidence of funds and staff is required.',
   true, NULL),
  ('performance', 6, '工作业绩', 'Performance', 'core', 15,
   '围绕中心、服务大局，党员先锋模范作用发挥明显，承诺践诺、设岗定责落实好。可参考党员平均积分（60分得0分，90分及以上得满分）。',
   'Serving the central tasks; members set an example; commitments and posts fulfilled. May be computed from the members'' average points (60 gives 0, 90 or more full points).',
   false, 'member_points'),
  ('masses', 7, '群众评价', 'Evaluation by the people', 'core', 15,
   '党员群众满意度高，无群众反映强烈的问题。可按书记述职评议“好”“较好”票占比计算（50%得0分，95%及以上得满分）。',
   'High satisfaction of members and the people, no strong complaints. May be computed from the share of 好 and 较好 votes in the secretary''s report evaluation (50% gives 0, 95% or more full points).',
   false, 'secretary_satisfaction'),
  ('bonus', 8, '加分项目', 'Bonus items', 'bonus', 10,
   '获得上级表彰、有党建创新项目、工作经验被推广或被媒体报道等，每项酌情加分，最高10分。须上传表彰文件、项目材料等佐证。',
   'Commendations by superiors, a party-building innovation project, experience promoted or reported by the media; points per item, at most 10. Evidence is required.',
   true, NULL)
) AS i(code, sort_order, name_zh, name_en, kind, max_points, criteria_zh, criteria_en, evidence_required, source);
--> statement-breakpoint
INSERT INTO "rating_veto_rules" ("id", "scheme_id", "code", "sort_order", "name_zh", "name_en", "source")
SELECT gen_random_uuid(), '5a7e0000-0000-4000-8000-000000000001', v.code, v.sort_order, v.name_zh, v.name_en, v.source
FROM (VALUES
  ('discipline', 1, '书记或班子成员受到党纪政务处分或有严重违纪违法行为', 'The secretary or a committee member was disciplined or seriously broke rules or laws', NULL),
  ('no_activity', 2, '一年以上未开展组织活动', 'No organizational activity for a year or more', 'no_activity'),
  ('election_overdue', 3, '逾期一年以上未换届', 'Committee term overdue for more than a year', 'election_overdue'),
  ('incident', 4, '发生重大安全责任事故、群体性事件或造成恶劣影响的舆情', 'A major safety accident, mass incident or damaging public-opinion event', NULL)
) AS v(code, sort_order, name_zh, name_en, source);
