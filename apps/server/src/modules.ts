import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import type { DbHandle } from './db/client.js';
import { accountRoutes } from './modules/account/account.routes.js';
import { createAccountService } from './modules/account/account.service.js';
import { auditRoutes, createAuditService } from './modules/audit/index.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import type { AuthService } from './modules/auth/auth.service.js';
import { committeeRoutes, createCommitteeService } from './modules/committee/index.js';
import { communityServiceRoutes, createCommunityServiceService } from './modules/community-service/index.js';
import { competitionRoutes, createCompetitionModule } from './modules/competition/index.js';
import { complianceRoutes, createComplianceService } from './modules/compliance/index.js';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.js';
import { createEvaluationModule, evaluationRoutes } from './modules/evaluation/index.js';
import { createExamModule, examRoutes } from './modules/exam/index.js';
import { createImportService, importRoutes } from './modules/imports/index.js';
import { createLearningModule, learningRoutes } from './modules/learning/index.js';
import { createMeetingModule, meetingRoutes } from './modules/meeting/index.js';
import { createMeetingRecordsService, meetingRecordsRoutes } from './modules/meeting-records/index.js';
import { createMemberService, memberRoutes } from './modules/member/index.js';
import { createMemberWarningsService, memberWarningRoutes } from './modules/member-warnings/index.js';
import { createNotificationService, notificationRoutes } from './modules/notification/index.js';
import { createOrgService, createRestructureService, orgRoutes } from './modules/org/index.js';
import { createOrgRatingModule, orgRatingRoutes } from './modules/org-rating/index.js';
import { createPointsModule, pointsRoutes } from './modules/points/index.js';
import { createRecruitmentService, recruitmentRoutes } from './modules/recruitment/index.js';
import { createTransferService, transferRoutes } from './modules/transfer/index.js';
import { createUnitService, unitRoutes } from './modules/unit/index.js';
import { createUserService, userRoutes } from './modules/user/index.js';
import { createVenueService, venueRoutes } from './modules/venue/index.js';
import { pointsDeps } from './points-wiring.js';
import { ratingSources } from './rating-sources.js';

/** Composition root: one line per module. */
export async function registerModules(
  api: FastifyInstance,
  deps: { config: Config; database: DbHandle; auth: AuthService },
) {
  const { db } = deps.database;
  await api.register(authRoutes, { auth: deps.auth });
  await api.register(accountRoutes, { account: createAccountService({ db, config: deps.config }), auth: deps.auth });
  await api.register(orgRoutes, { orgs: createOrgService({ db }), restructure: createRestructureService({ db }) });
  await api.register(committeeRoutes, { committees: createCommitteeService({ db }) });
  await api.register(unitRoutes, { units: createUnitService({ db }) });
  await api.register(venueRoutes, { venues: createVenueService({ db }) });
  await api.register(userRoutes, { users: createUserService({ db, config: deps.config }) });
  await api.register(memberRoutes, { members: createMemberService({ db, config: deps.config }) });
  await api.register(memberWarningRoutes, { warnings: createMemberWarningsService({ db }) });
  await api.register(transferRoutes, { transfers: createTransferService({ db, config: deps.config }) });
  await api.register(communityServiceRoutes, { community: createCommunityServiceService({ db }) });
  await api.register(recruitmentRoutes, { recruitment: createRecruitmentService({ db, config: deps.config }) });
  await api.register(meetingRoutes, createMeetingModule({ db, config: deps.config }));
  await api.register(importRoutes, { imports: createImportService({ db, config: deps.config, log: api.log }) });
  await api.register(meetingRecordsRoutes, { records: createMeetingRecordsService({ db, config: deps.config }) });
  await api.register(complianceRoutes, { compliance: createComplianceService({ db }) });
  await api.register(notificationRoutes, { notifications: createNotificationService({ db, config: deps.config }) });
  await api.register(evaluationRoutes, createEvaluationModule({ db }));
  await api.register(competitionRoutes, createCompetitionModule({ db }));
  await api.register(examRoutes, createExamModule({ db }));
  await api.register(learningRoutes, { learning: createLearningModule({ db, config: deps.config }) });
  await api.register(pointsRoutes, {
    points: createPointsModule({ ...pointsDeps(db), uploadLimit: deps.config.uploadLimit }),
  });
  await api.register(
    orgRatingRoutes,
    createOrgRatingModule({
      db,
      uploadLimit: deps.config.uploadLimit,
      sources: ratingSources,
    }),
  );
  await api.register(auditRoutes, { audit: createAuditService({ db }) });
  await api.register(dashboardRoutes, { db });
}
