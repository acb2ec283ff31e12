ALTER TABLE "organizations" ADD COLUMN "project_ended_on" date;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "parent_approved_by" uuid;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_parent_approved_by_organizations_id_fk" FOREIGN KEY ("parent_approved_by") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_after_org_id_idx" ON "audit_events" USING btree (("after"->>'orgId')) WHERE ("audit_events"."after"->>'orgId') is not null;--> statement-breakpoint
CREATE INDEX "audit_events_before_org_id_idx" ON "audit_events" USING btree (("before"->>'orgId')) WHERE ("audit_events"."before"->>'orgId') is not null;--> statement-breakpoint
CREATE INDEX "audit_events_after_into_id_idx" ON "audit_events" USING btree (("after"->>'intoId')) WHERE ("audit_events"."after"->>'intoId') is not null;--> statement-breakpoint
CREATE INDEX "members_name_pinyin_idx" ON "members" USING btree ("name_pinyin","name","id");--> statement-breakpoint
CREATE INDEX "members_warning_org_path_idx" ON "members" USING btree ("org_path" text_pattern_ops) WHERE "members"."status" = 'active' and ("members"."lost_contact" or "members"."flowing");--> statement-breakpoint
CREATE INDEX "organizations_temporary_until_idx" ON "organizations" USING btree ("temporary_until") WHERE "organizations"."type" = 'temporary_branch' and "organizations"."status" = 'active';