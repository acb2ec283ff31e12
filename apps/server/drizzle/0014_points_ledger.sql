ALTER TABLE "point_entries" DROP CONSTRAINT "point_entries_org_id_organizations_id_fk";
--> statement-breakpoint
ALTER TABLE "point_entries" DROP CONSTRAINT "point_entries_rule_version_id_point_rule_versions_id_fk";
--> statement-breakpoint
ALTER TABLE "point_entries" DROP CONSTRAINT "point_entries_created_by_id_users_id_fk";
--> statement-breakpoint
DROP INDEX "point_entries_source_idx";--> statement-breakpoint
DROP INDEX "point_entries_year_occurred_on_idx";--> statement-breakpoint
DROP INDEX "point_entries_rule_version_id_idx";--> statement-breakpoint
DROP INDEX "point_entries_org_id_idx";--> statement-breakpoint
DROP INDEX "point_entries_created_by_id_idx";--> statement-breakpoint
DROP INDEX "point_entries_member_year_idx";--> statement-breakpoint
CREATE INDEX "point_entries_occurred_on_idx" ON "point_entries" USING btree ("occurred_on");--> statement-breakpoint
CREATE INDEX "point_entries_member_year_idx" ON "point_entries" USING btree ("member_id","year");