import type { Permission } from '@red-engine/shared';

export type RoutePolicy = {
  /** Who may call the route: anyone, any logged-in user, or holders of one permission. */
  access: 'public' | 'authenticated' | Permission;
  /** Still allowed while the user must change the password or enrol two-factor login first. */
  allowIncomplete?: boolean;
  /** A public route that still wants the CSRF token when called with a full session (logout). */
  csrfWhenAuthenticated?: boolean;
  /** Refused to API tokens: managing one's own account (password, two-factor, tokens) needs a person's session. */
  sessionOnly?: boolean;
  /** The kind of record named by the `:id` parameter; the permission walk test fills it in and out of scope. */
  resource?:
    | 'org'
    | 'user'
    | 'token'
    | 'member'
    | 'unit'
    | 'venue'
    | 'committee'
    | 'transfer'
    | 'member-report'
    | 'org-report'
    | 'community-need'
    | 'community-claim'
    | 'my-need'
    | 'my-claim'
    | 'recruitment'
    | 'recruitment-material'
    | 'import'
    | 'meeting'
    | 'meeting-leave'
    | 'staff-token'
    | 'my-meeting'
    | 'my-leave'
    | 'meeting-file'
    | 'compliance-rule'
    | 'evaluation-campaign'
    | 'evaluation-subject'
    | 'evaluation-rectification'
    | 'evaluation-attachment'
    | 'my-evaluation'
    | 'my-notification'
    | 'point-grant'
    | 'point-evidence'
    | 'point-entry'
    | 'point-exemption'
    | 'point-objection'
    | 'rating-scheme'
    | 'rating-campaign'
    | 'org-rating'
    | 'rating-evidence'
    | 'learning-content'
    | 'learning-course'
    | 'learning-plan'
    | 'my-learning-content'
    | 'my-study-session'
    | 'competition'
    | 'my-competition'
    | 'question-bank'
    | 'question'
    | 'exam'
    | 'my-exam';
};

/**
 * The single source of route permissions. Every route under /api/v1 must be listed here; the server
 * refuses to start otherwise, and a test walks every entry for every role.
 */
export const ROUTE_POLICIES: Record<string, RoutePolicy> = {
  'GET /healthz': { access: 'public' },

  'POST /api/v1/auth/login': { access: 'public' },
  'POST /api/v1/auth/mfa/verify': { access: 'public' },
  'POST /api/v1/auth/logout': { access: 'public', csrfWhenAuthenticated: true },
  'GET /api/v1/auth/me': { access: 'authenticated', allowIncomplete: true },

  'PATCH /api/v1/account/preferences': { access: 'authenticated', sessionOnly: true, allowIncomplete: true },
  'POST /api/v1/account/password': { access: 'authenticated', sessionOnly: true, allowIncomplete: true },
  'POST /api/v1/account/mfa/enroll': { access: 'authenticated', sessionOnly: true, allowIncomplete: true },
  'POST /api/v1/account/mfa/activate': { access: 'authenticated', sessionOnly: true, allowIncomplete: true },
  'POST /api/v1/account/mfa/disable': { access: 'authenticated', sessionOnly: true },
  'GET /api/v1/account/tokens': { access: 'authenticated', sessionOnly: true },
  'POST /api/v1/account/tokens': { access: 'authenticated', sessionOnly: true },
  'DELETE /api/v1/account/tokens/:id': { access: 'authenticated', sessionOnly: true, resource: 'token' },

  'GET /api/v1/orgs': { access: 'org:read' },
  'GET /api/v1/orgs/tree': { access: 'org:read' },
  'GET /api/v1/orgs/:id': { access: 'org:read', resource: 'org' },
  'POST /api/v1/orgs': { access: 'org:create' },
  'PATCH /api/v1/orgs/:id': { access: 'org:update', resource: 'org' },
  'GET /api/v1/orgs/:id/history': { access: 'org:read', resource: 'org' },
  'POST /api/v1/orgs/:id/move': { access: 'org:restructure', resource: 'org' },
  'POST /api/v1/orgs/:id/move/preview': { access: 'org:restructure', resource: 'org' },
  'POST /api/v1/orgs/:id/merge': { access: 'org:restructure', resource: 'org' },
  'POST /api/v1/orgs/:id/merge/preview': { access: 'org:restructure', resource: 'org' },
  'POST /api/v1/orgs/:id/dissolve': { access: 'org:restructure', resource: 'org' },
  'POST /api/v1/orgs/:id/dissolve/preview': { access: 'org:restructure', resource: 'org' },
  'POST /api/v1/orgs/:id/split': { access: 'org:restructure', resource: 'org' },
  'POST /api/v1/orgs/:id/split/preview': { access: 'org:restructure', resource: 'org' },
  'POST /api/v1/orgs/:id/project-end': { access: 'org:restructure', resource: 'org' },
  'POST /api/v1/orgs/:id/project-end/preview': { access: 'org:restructure', resource: 'org' },
  'GET /api/v1/orgs/:id/units': { access: 'org:read', resource: 'org' },
  'PUT /api/v1/orgs/:id/units': { access: 'org:update', resource: 'org' },
  'GET /api/v1/orgs/:id/committees': { access: 'org:read', resource: 'org' },
  'POST /api/v1/orgs/:id/committees': { access: 'committee:write', resource: 'org' },
  'GET /api/v1/orgs/term-warnings': { access: 'org:read' },
  'GET /api/v1/term-rules': { access: 'org:read' },
  'GET /api/v1/committees/:id': { access: 'org:read', resource: 'committee' },
  'PATCH /api/v1/committees/:id': { access: 'committee:write', resource: 'committee' },

  'GET /api/v1/units': { access: 'unit:read' },
  'GET /api/v1/units/coverage': { access: 'unit:read' },
  'GET /api/v1/units/:id': { access: 'unit:read', resource: 'unit' },
  'POST /api/v1/units': { access: 'unit:write' },
  'PATCH /api/v1/units/:id': { access: 'unit:write', resource: 'unit' },
  'DELETE /api/v1/units/:id': { access: 'unit:write', resource: 'unit' },

  'GET /api/v1/venues': { access: 'venue:read' },
  'GET /api/v1/venues/:id': { access: 'venue:read', resource: 'venue' },
  'POST /api/v1/venues': { access: 'venue:write' },
  'PATCH /api/v1/venues/:id': { access: 'venue:write', resource: 'venue' },
  'DELETE /api/v1/venues/:id': { access: 'venue:write', resource: 'venue' },

  'GET /api/v1/users': { access: 'user:read' },
  'GET /api/v1/users/:id': { access: 'user:read', resource: 'user' },
  'POST /api/v1/users': { access: 'user:create' },
  'PATCH /api/v1/users/:id': { access: 'user:update', resource: 'user' },
  'POST /api/v1/users/:id/reset-password': { access: 'user:reset-password', resource: 'user' },
  'POST /api/v1/users/:id/unlock': { access: 'user:update', resource: 'user' },
  'GET /api/v1/users/:id/phone': { access: 'user:read-sensitive', resource: 'user' },

  'GET /api/v1/members': { access: 'member:read' },
  'GET /api/v1/members/stats': { access: 'member:read' },
  'GET /api/v1/members/:id': { access: 'member:read', resource: 'member' },
  'GET /api/v1/members/:id/events': { access: 'member:read', resource: 'member' },
  'GET /api/v1/members/:id/sensitive': { access: 'member:read-sensitive', resource: 'member' },
  'POST /api/v1/members': { access: 'member:create' },
  'PATCH /api/v1/members/:id': { access: 'member:update', resource: 'member' },
  'POST /api/v1/members/:id/events': { access: 'member:event', resource: 'member' },
  'GET /api/v1/me/member': { access: 'profile:read' },
  'GET /api/v1/members/warnings': { access: 'member:read' },

  'GET /api/v1/transfers': { access: 'transfer:read' },
  'GET /api/v1/transfers/:id': { access: 'transfer:read', resource: 'transfer' },
  'POST /api/v1/transfers': { access: 'transfer:create' },
  'POST /api/v1/transfers/:id/approve': { access: 'transfer:approve', resource: 'transfer' },
  'POST /api/v1/transfers/:id/reject': { access: 'transfer:approve', resource: 'transfer' },
  'POST /api/v1/transfers/:id/revoke': { access: 'transfer:create', resource: 'transfer' },
  'POST /api/v1/transfers/:id/receipt': { access: 'transfer:create', resource: 'transfer' },
  'GET /api/v1/transfers/:id/letter': { access: 'transfer:read', resource: 'transfer' },
  'GET /api/v1/transfers/:id/letter.html': { access: 'transfer:read', resource: 'transfer' },

  'GET /api/v1/community-service/communities': { access: 'authenticated' },
  'GET /api/v1/community-service/rules': { access: 'community:read' },
  'GET /api/v1/community-service/member-reports': { access: 'community:read' },
  'POST /api/v1/community-service/member-reports': { access: 'community:manage' },
  'POST /api/v1/community-service/member-reports/:id/renew': { access: 'community:manage', resource: 'member-report' },
  'POST /api/v1/community-service/member-reports/:id/withdraw': {
    access: 'community:manage',
    resource: 'member-report',
  },
  'GET /api/v1/community-service/org-reports': { access: 'community:read' },
  'POST /api/v1/community-service/org-reports': { access: 'community:manage' },
  'POST /api/v1/community-service/org-reports/:id/withdraw': { access: 'community:manage', resource: 'org-report' },
  'GET /api/v1/community-service/needs': { access: 'community:read' },
  'GET /api/v1/community-service/needs/:id': { access: 'community:read', resource: 'community-need' },
  'POST /api/v1/community-service/needs': { access: 'community:manage' },
  'POST /api/v1/community-service/needs/:id/close': { access: 'community:manage', resource: 'community-need' },
  'GET /api/v1/community-service/claims': { access: 'community:read' },
  'POST /api/v1/community-service/claims/:id/confirm': { access: 'community:manage', resource: 'community-claim' },
  'POST /api/v1/community-service/claims/:id/cancel': { access: 'community:manage', resource: 'community-claim' },
  'GET /api/v1/community-service/stats/orgs': { access: 'community:read' },
  'GET /api/v1/community-service/stats/members': { access: 'community:read' },
  'GET /api/v1/community-service/not-reported': { access: 'community:read' },
  // H5 self-service: the member linked to the account. (Withdrawal comes last: the walk claims needs before it.)
  'GET /api/v1/me/community-service': { access: 'profile:read' },
  'GET /api/v1/me/community-needs': { access: 'profile:read' },
  'POST /api/v1/me/community-needs/:id/claim': { access: 'profile:read', resource: 'my-need' },
  'GET /api/v1/me/community-claims': { access: 'profile:read' },
  'POST /api/v1/me/community-claims/:id/complete': { access: 'profile:read', resource: 'my-claim' },
  'POST /api/v1/me/community-claims/:id/cancel': { access: 'profile:read', resource: 'my-claim' },
  'POST /api/v1/me/community-report': { access: 'profile:read' },
  'POST /api/v1/me/community-report/renew': { access: 'profile:read' },
  'POST /api/v1/me/community-report/withdraw': { access: 'profile:read' },
  'GET /api/v1/me/transfers': { access: 'profile:read' },

  'GET /api/v1/recruitment-cases': { access: 'recruitment:read' },
  'GET /api/v1/recruitment-cases/board': { access: 'recruitment:read' },
  'GET /api/v1/recruitment-cases/reminders': { access: 'recruitment:read' },
  'GET /api/v1/recruitment-cases/:id': { access: 'recruitment:read', resource: 'recruitment' },
  'POST /api/v1/recruitment-cases': { access: 'recruitment:write' },
  'POST /api/v1/recruitment-cases/:id/steps': { access: 'recruitment:write', resource: 'recruitment' },
  'POST /api/v1/recruitment-cases/:id/extend-probation': { access: 'recruitment:write', resource: 'recruitment' },
  'POST /api/v1/recruitment-cases/:id/cancel': { access: 'recruitment:write', resource: 'recruitment' },
  'POST /api/v1/recruitment-cases/:id/reject': { access: 'recruitment:write', resource: 'recruitment' },
  'POST /api/v1/recruitment-cases/:id/materials': { access: 'recruitment:write', resource: 'recruitment' },
  'GET /api/v1/recruitment-materials/:id': { access: 'recruitment:read', resource: 'recruitment-material' },

  'GET /api/v1/imports/templates/members': { access: 'member:import' },
  'GET /api/v1/imports/templates/organizations': { access: 'org:import' },
  'POST /api/v1/imports/members': { access: 'member:import' },
  'POST /api/v1/imports/organizations': { access: 'org:import' },
  'GET /api/v1/imports/:id': { access: 'member:import', resource: 'import' },
  'GET /api/v1/exports/members': { access: 'member:export' },
  'GET /api/v1/exports/organizations': { access: 'org:export' },

  // 组织生活 · 签到 (meetings module)
  'GET /api/v1/activity-types': { access: 'authenticated' },
  'GET /api/v1/meetings': { access: 'meeting:read' },
  'GET /api/v1/meetings/venue-availability': { access: 'meeting:read' },
  'GET /api/v1/venues/:id/bookings': { access: 'meeting:read', resource: 'venue' },
  'GET /api/v1/meetings/:id': { access: 'meeting:read', resource: 'meeting' },
  'POST /api/v1/meetings': { access: 'meeting:write' },
  'PATCH /api/v1/meetings/:id': { access: 'meeting:write', resource: 'meeting' },
  'POST /api/v1/meetings/:id/cancel': { access: 'meeting:write', resource: 'meeting' },
  'GET /api/v1/meetings/:id/attendance': { access: 'meeting:read', resource: 'meeting' },
  'GET /api/v1/meetings/:id/board': { access: 'meeting:read', resource: 'meeting' },
  'GET /api/v1/meetings/:id/room-code': { access: 'meeting:write', resource: 'meeting' },
  'GET /api/v1/meetings/:id/rejections': { access: 'meeting:read', resource: 'meeting' },
  'POST /api/v1/meetings/:id/makeup': { access: 'meeting:write', resource: 'meeting' },
  'POST /api/v1/meetings/:id/scan': { access: 'checkin:scan', resource: 'meeting' },
  'GET /api/v1/meetings/:id/staff-tokens': { access: 'meeting:write', resource: 'meeting' },
  'POST /api/v1/meetings/:id/staff-tokens': { access: 'meeting:write', resource: 'meeting' },
  'POST /api/v1/staff-tokens/:id/revoke': { access: 'meeting:write', resource: 'staff-token' },
  'GET /api/v1/meetings/:id/leaves': { access: 'meeting:read', resource: 'meeting' },
  'POST /api/v1/meetings/:id/leaves': { access: 'meeting:write', resource: 'meeting' },
  'POST /api/v1/meeting-leaves/:id/approve': { access: 'meeting:write', resource: 'meeting-leave' },
  'POST /api/v1/meeting-leaves/:id/reject': { access: 'meeting:write', resource: 'meeting-leave' },
  // A door volunteer holds a check-in token, not an account: the token in `x-checkin-token` is the credential.
  'GET /api/v1/checkin/staff-session': { access: 'public' },
  'POST /api/v1/checkin/staff-scan': { access: 'public' },
  // H5: the member linked to the account.
  'GET /api/v1/me/meetings': { access: 'profile:read' },
  'GET /api/v1/me/meetings/:id': { access: 'profile:read', resource: 'my-meeting' },
  'POST /api/v1/me/meetings/:id/leave': { access: 'profile:read', resource: 'my-meeting' },
  'POST /api/v1/me/meeting-leaves/:id/withdraw': { access: 'profile:read', resource: 'my-leave' },
  'POST /api/v1/me/checkins': { access: 'profile:read' },
  'GET /api/v1/me/checkin-code': { access: 'profile:read' },
  'GET /api/v1/me/attendance': { access: 'profile:read' },
  // (meeting records: minutes, files, archive, amendments)
  'GET /api/v1/meetings/:id/records': { access: 'meeting:read', resource: 'meeting' },
  'PUT /api/v1/meetings/:id/minutes': { access: 'meeting:write', resource: 'meeting' },
  'GET /api/v1/meetings/:id/files': { access: 'meeting:read', resource: 'meeting' },
  'POST /api/v1/meetings/:id/files': { access: 'meeting:write', resource: 'meeting' },
  'GET /api/v1/meeting-files/:id': { access: 'meeting:read', resource: 'meeting-file' },
  'GET /api/v1/meeting-files/:id/thumbnail': { access: 'meeting:read', resource: 'meeting-file' },
  'POST /api/v1/meeting-files/:id/remove': { access: 'meeting:write', resource: 'meeting-file' },
  'POST /api/v1/meetings/:id/archive': { access: 'meeting:write', resource: 'meeting' },
  'GET /api/v1/meetings/:id/amendments': { access: 'meeting:read', resource: 'meeting' },
  // (三会一课 compliance, activity type administration, calendar)
  'GET /api/v1/compliance/rules': { access: 'compliance:read' },
  'POST /api/v1/compliance/rules': { access: 'compliance:manage' },
  'PATCH /api/v1/compliance/rules/:id': { access: 'compliance:manage', resource: 'compliance-rule' },
  'POST /api/v1/activity-types': { access: 'compliance:manage' },
  'PATCH /api/v1/activity-types/:code': { access: 'compliance:manage' },
  'GET /api/v1/compliance/orgs': { access: 'compliance:read' },
  'GET /api/v1/compliance/warnings': { access: 'compliance:read' },
  'GET /api/v1/meetings/calendar': { access: 'meeting:read' },

  // 消息与待办: the caller's own messages (another user's message is not found) and to-dos computed for the caller.
  // A person's inbox, not an integration's: API tokens are refused.
  'GET /api/v1/me/notifications': { access: 'authenticated', sessionOnly: true },
  'GET /api/v1/me/notifications/unread-count': { access: 'authenticated', sessionOnly: true },
  'POST /api/v1/me/notifications/:id/read': { access: 'authenticated', sessionOnly: true, resource: 'my-notification' },
  'POST /api/v1/me/notifications/read-all': { access: 'authenticated', sessionOnly: true },
  'GET /api/v1/me/todos': { access: 'authenticated', sessionOnly: true },

  // 知识竞赛 (competition module). Members act through /me for competitions of their audience (others: 404).
  'GET /api/v1/competitions': { access: 'learning:read' },
  'POST /api/v1/competitions': { access: 'learning:manage' },
  'GET /api/v1/competitions/:id': { access: 'learning:read', resource: 'competition' },
  'PATCH /api/v1/competitions/:id': { access: 'learning:manage', resource: 'competition' },
  'POST /api/v1/competitions/:id/schedule': { access: 'learning:manage', resource: 'competition' },
  'POST /api/v1/competitions/:id/cancel': { access: 'learning:manage', resource: 'competition' },
  'GET /api/v1/competitions/:id/board': { access: 'learning:read', resource: 'competition' },
  'GET /api/v1/competitions/:id/results': { access: 'learning:read', resource: 'competition' },
  'GET /api/v1/competitions/:id/export': { access: 'learning:read', resource: 'competition' },
  'GET /api/v1/me/competitions': { access: 'profile:read' },
  'POST /api/v1/me/competitions/:id/join': { access: 'profile:read', resource: 'my-competition' },
  'POST /api/v1/me/competitions/:id/play': { access: 'profile:read', resource: 'my-competition' },
  'POST /api/v1/me/competitions/:id/answers': { access: 'profile:read', resource: 'my-competition' },
  'GET /api/v1/me/competitions/:id/result': { access: 'profile:read', resource: 'my-competition' },
  // 题库 · 考试测验 (exam module). Banks of a superior are usable (read) below it; members act through /me for exams
  // of their audience (others: 404).
  'GET /api/v1/question-banks': { access: 'learning:read' },
  'POST /api/v1/question-banks': { access: 'learning:manage' },
  'GET /api/v1/question-banks/import-template': { access: 'learning:manage' },
  'GET /api/v1/question-banks/:id': { access: 'learning:read', resource: 'question-bank' },
  'PATCH /api/v1/question-banks/:id': { access: 'learning:manage', resource: 'question-bank' },
  'GET /api/v1/questions': { access: 'learning:read' },
  'POST /api/v1/question-banks/:id/questions': { access: 'learning:manage', resource: 'question-bank' },
  'POST /api/v1/question-banks/:id/import': { access: 'learning:manage', resource: 'question-bank' },
  'GET /api/v1/questions/:id': { access: 'learning:read', resource: 'question' },
  'PUT /api/v1/questions/:id': { access: 'learning:manage', resource: 'question' },
  'DELETE /api/v1/questions/:id': { access: 'learning:manage', resource: 'question' },
  'GET /api/v1/exams': { access: 'learning:read' },
  'POST /api/v1/exams': { access: 'learning:manage' },
  'GET /api/v1/exams/:id': { access: 'learning:read', resource: 'exam' },
  'PATCH /api/v1/exams/:id': { access: 'learning:manage', resource: 'exam' },
  'POST /api/v1/exams/:id/publish': { access: 'learning:manage', resource: 'exam' },
  'POST /api/v1/exams/:id/close': { access: 'learning:manage', resource: 'exam' },
  'PUT /api/v1/exams/:id/overrides': { access: 'learning:manage', resource: 'exam' },
  'GET /api/v1/exams/:id/results': { access: 'learning:read', resource: 'exam' },
  'GET /api/v1/exams/:id/results/export': { access: 'learning:read', resource: 'exam' },
  'GET /api/v1/me/exams': { access: 'profile:read' },
  'POST /api/v1/me/exams/:id/attempts': { access: 'profile:read', resource: 'my-exam' },
  'PUT /api/v1/me/exams/:id/answers': { access: 'profile:read', resource: 'my-exam' },
  'POST /api/v1/me/exams/:id/submit': { access: 'profile:read', resource: 'my-exam' },
  'GET /api/v1/me/exams/:id/results': { access: 'profile:read', resource: 'my-exam' },

  // 书记述职评议 · 民主评议党员 (evaluation module). Confirming grades needs the branch's superior (403 within scope).
  'GET /api/v1/evaluation/defaults': { access: 'evaluation:read' },
  'GET /api/v1/evaluation/campaigns': { access: 'evaluation:read' },
  'POST /api/v1/evaluation/campaigns': { access: 'evaluation:manage' },
  'GET /api/v1/evaluation/campaigns/:id': { access: 'evaluation:read', resource: 'evaluation-campaign' },
  'PATCH /api/v1/evaluation/campaigns/:id': { access: 'evaluation:manage', resource: 'evaluation-campaign' },
  'POST /api/v1/evaluation/campaigns/:id/open-voting': { access: 'evaluation:manage', resource: 'evaluation-campaign' },
  'POST /api/v1/evaluation/campaigns/:id/close-voting': {
    access: 'evaluation:manage',
    resource: 'evaluation-campaign',
  },
  'POST /api/v1/evaluation/campaigns/:id/submit': { access: 'evaluation:manage', resource: 'evaluation-campaign' },
  'POST /api/v1/evaluation/campaigns/:id/confirm': { access: 'evaluation:manage', resource: 'evaluation-campaign' },
  'POST /api/v1/evaluation/campaigns/:id/return': { access: 'evaluation:manage', resource: 'evaluation-campaign' },
  'PUT /api/v1/evaluation/campaigns/:id/proposals': { access: 'evaluation:manage', resource: 'evaluation-campaign' },
  'GET /api/v1/evaluation/campaigns/:id/turnout': { access: 'evaluation:read', resource: 'evaluation-campaign' },
  'GET /api/v1/evaluation/campaigns/:id/results': { access: 'evaluation:read', resource: 'evaluation-campaign' },
  'GET /api/v1/evaluation/campaigns/:id/export': { access: 'evaluation:read', resource: 'evaluation-campaign' },
  'PATCH /api/v1/evaluation/subjects/:id': { access: 'evaluation:manage', resource: 'evaluation-subject' },
  'POST /api/v1/evaluation/subjects/:id/comment': { access: 'evaluation:manage', resource: 'evaluation-subject' },
  'POST /api/v1/evaluation/subjects/:id/attachments': { access: 'evaluation:manage', resource: 'evaluation-subject' },
  'POST /api/v1/evaluation/subjects/:id/rectifications': {
    access: 'evaluation:manage',
    resource: 'evaluation-subject',
  },
  'GET /api/v1/evaluation-attachments/:id': { access: 'evaluation:read', resource: 'evaluation-attachment' },
  'GET /api/v1/evaluation/rectifications': { access: 'evaluation:read' },
  'GET /api/v1/evaluation/rectification-summary': { access: 'evaluation:read' },
  'PATCH /api/v1/evaluation/rectifications/:id': { access: 'evaluation:manage', resource: 'evaluation-rectification' },
  'POST /api/v1/evaluation/rectifications/:id/close': {
    access: 'evaluation:manage',
    resource: 'evaluation-rectification',
  },
  'POST /api/v1/evaluation/rectifications/:id/reopen': {
    access: 'evaluation:manage',
    resource: 'evaluation-rectification',
  },
  'POST /api/v1/evaluation/rectifications/:id/attachments': {
    access: 'evaluation:manage',
    resource: 'evaluation-rectification',
  },
  // (H5 评议投票: only campaigns where the caller is on the roll or evaluated; anything else is 404)
  'GET /api/v1/me/evaluations': { access: 'profile:read' },
  'GET /api/v1/me/evaluations/:id': { access: 'profile:read', resource: 'my-evaluation' },
  'POST /api/v1/me/evaluations/:id/ballot': { access: 'profile:read', resource: 'my-evaluation' },
  'PUT /api/v1/me/evaluations/:id/self-assessment': { access: 'profile:read', resource: 'my-evaluation' },
  'PUT /api/v1/me/evaluations/:id/report': { access: 'profile:read', resource: 'my-evaluation' },
  'POST /api/v1/me/evaluations/:id/report-attachments': { access: 'profile:read', resource: 'my-evaluation' },

  // 党员积分 (points module)
  'GET /api/v1/points/rules': { access: 'points:read' },
  'POST /api/v1/points/rule-versions': { access: 'points:rules' },
  'GET /api/v1/points/members': { access: 'points:read' },
  'GET /api/v1/members/:id/points': { access: 'points:read', resource: 'member' },
  'GET /api/v1/points/stats': { access: 'points:read' },
  'GET /api/v1/points/export': { access: 'points:read' },
  'POST /api/v1/points/run-grants': { access: 'points:manage' },
  'GET /api/v1/points/grants': { access: 'points:read' },
  'POST /api/v1/points/grants': { access: 'points:manage' },
  'POST /api/v1/points/grants/:id/approve': { access: 'points:manage', resource: 'point-grant' },
  'POST /api/v1/points/grants/:id/reject': { access: 'points:manage', resource: 'point-grant' },
  'POST /api/v1/points/grants/:id/evidence': { access: 'points:manage', resource: 'point-grant' },
  'GET /api/v1/point-evidence/:id': { access: 'points:read', resource: 'point-evidence' },
  'POST /api/v1/point-entries/:id/reverse': { access: 'points:manage', resource: 'point-entry' },
  'GET /api/v1/points/exemptions': { access: 'points:read' },
  'POST /api/v1/points/exemptions': { access: 'points:manage' },
  'POST /api/v1/point-exemptions/:id/end': { access: 'points:manage', resource: 'point-exemption' },
  'GET /api/v1/points/publications': { access: 'points:read' },
  'POST /api/v1/points/publications': { access: 'points:manage' },
  'GET /api/v1/points/objections': { access: 'points:read' },
  'POST /api/v1/point-objections/:id/answer': { access: 'points:manage', resource: 'point-objection' },
  // H5: the member linked to the account.
  'GET /api/v1/me/points': { access: 'profile:read' },
  'GET /api/v1/me/points/rules': { access: 'profile:read' },
  'GET /api/v1/me/point-publications': { access: 'profile:read' },
  'GET /api/v1/me/point-objections': { access: 'profile:read' },
  'POST /api/v1/me/point-objections': { access: 'profile:read' },

  // 党组织星级评定 (org-rating module). Reviewing and deciding need a superior who does not belong to the rated
  // organization: others in scope are refused with 409 RATING_REVIEWER_EXCLUDED, out of scope it is 404.
  'GET /api/v1/rating-schemes': { access: 'rating:read' },
  'GET /api/v1/rating-schemes/:id': { access: 'rating:read', resource: 'rating-scheme' },
  'POST /api/v1/rating-schemes': { access: 'rating:scheme' },
  'PATCH /api/v1/rating-schemes/:id': { access: 'rating:scheme', resource: 'rating-scheme' },
  'GET /api/v1/rating-campaigns': { access: 'rating:read' },
  'POST /api/v1/rating-campaigns': { access: 'rating:manage' },
  'GET /api/v1/rating-campaigns/:id': { access: 'rating:read', resource: 'rating-campaign' },
  'POST /api/v1/rating-campaigns/:id/finalize': { access: 'rating:manage', resource: 'rating-campaign' },
  'GET /api/v1/rating-campaigns/:id/export': { access: 'rating:read', resource: 'rating-campaign' },
  'GET /api/v1/org-ratings/:id': { access: 'rating:read', resource: 'org-rating' },
  'PUT /api/v1/org-ratings/:id/self-assessment': { access: 'rating:manage', resource: 'org-rating' },
  'POST /api/v1/org-ratings/:id/evidence': { access: 'rating:manage', resource: 'org-rating' },
  'POST /api/v1/org-ratings/:id/submit': { access: 'rating:manage', resource: 'org-rating' },
  'POST /api/v1/org-ratings/:id/recompute': { access: 'rating:manage', resource: 'org-rating' },
  'GET /api/v1/rating-evidence/:id': { access: 'rating:read', resource: 'rating-evidence' },
  'POST /api/v1/rating-evidence/:id/remove': { access: 'rating:manage', resource: 'rating-evidence' },
  'GET /api/v1/org-ratings/:id/reviewer-candidates': { access: 'rating:manage', resource: 'org-rating' },
  'POST /api/v1/org-ratings/:id/reviewers': { access: 'rating:manage', resource: 'org-rating' },
  'POST /api/v1/org-ratings/:id/reviewers/remove': { access: 'rating:manage', resource: 'org-rating' },
  'PUT /api/v1/org-ratings/:id/review': { access: 'rating:manage', resource: 'org-rating' },
  'POST /api/v1/org-ratings/:id/review/submit': { access: 'rating:manage', resource: 'org-rating' },
  'POST /api/v1/org-ratings/:id/return': { access: 'rating:manage', resource: 'org-rating' },
  'POST /api/v1/org-ratings/:id/vetoes': { access: 'rating:manage', resource: 'org-rating' },
  'POST /api/v1/org-ratings/:id/vetoes/clear': { access: 'rating:manage', resource: 'org-rating' },
  'POST /api/v1/org-ratings/:id/publish': { access: 'rating:manage', resource: 'org-rating' },
  'POST /api/v1/org-ratings/:id/objections': { access: 'rating:manage', resource: 'org-rating' },
  'POST /api/v1/org-ratings/:id/objections/answer': { access: 'rating:manage', resource: 'org-rating' },
  'POST /api/v1/org-ratings/:id/reopen': { access: 'rating:manage', resource: 'org-rating' },
  'POST /api/v1/org-ratings/:id/finalize': { access: 'rating:manage', resource: 'org-rating' },
  'POST /api/v1/org-ratings/:id/adjust': { access: 'rating:manage', resource: 'org-rating' },
  'GET /api/v1/orgs/:id/star-history': { access: 'rating:read', resource: 'org' },
  // H5 我的 → 支部星级: the branch of the member linked to the account.
  'GET /api/v1/me/org-rating': { access: 'profile:read' },

  // 学习教育 (learning module): contents, courses and plans, statistics; the member's H5 side under /me/learning.
  'GET /api/v1/learning/categories': { access: 'learning:read' },
  'POST /api/v1/learning/categories': { access: 'learning:manage' },
  'GET /api/v1/learning/contents': { access: 'learning:read' },
  'POST /api/v1/learning/contents': { access: 'learning:manage' },
  'GET /api/v1/learning/contents/:id': { access: 'learning:read', resource: 'learning-content' },
  'PATCH /api/v1/learning/contents/:id': { access: 'learning:manage', resource: 'learning-content' },
  'POST /api/v1/learning/contents/:id/submit': { access: 'learning:manage', resource: 'learning-content' },
  'POST /api/v1/learning/contents/:id/approve': { access: 'learning:manage', resource: 'learning-content' },
  'POST /api/v1/learning/contents/:id/reject': { access: 'learning:manage', resource: 'learning-content' },
  'POST /api/v1/learning/contents/:id/withdraw': { access: 'learning:manage', resource: 'learning-content' },
  'POST /api/v1/learning/contents/:id/new-version': { access: 'learning:manage', resource: 'learning-content' },
  'POST /api/v1/learning/contents/:id/file': { access: 'learning:manage', resource: 'learning-content' },
  'GET /api/v1/learning/contents/:id/file': { access: 'learning:read', resource: 'learning-content' },
  'POST /api/v1/learning/images': { access: 'learning:manage' },
  // Article images are named by their SHA-256 and shown to every reader of an article (console and H5).
  'GET /api/v1/learning/images/:sha256': { access: 'authenticated' },
  'GET /api/v1/learning/courses': { access: 'learning:read' },
  'POST /api/v1/learning/courses': { access: 'learning:manage' },
  'GET /api/v1/learning/courses/:id': { access: 'learning:read', resource: 'learning-course' },
  'GET /api/v1/learning/plans': { access: 'learning:read' },
  'POST /api/v1/learning/plans': { access: 'learning:manage' },
  'GET /api/v1/learning/plans/:id': { access: 'learning:read', resource: 'learning-plan' },
  'POST /api/v1/learning/plans/:id/remind': { access: 'learning:manage', resource: 'learning-plan' },
  'GET /api/v1/learning/stats': { access: 'learning:read' },
  'GET /api/v1/learning/stats/export': { access: 'learning:read' },
  'GET /api/v1/members/:id/study-record': { access: 'learning:read', resource: 'member' },
  'GET /api/v1/me/learning/contents': { access: 'profile:read' },
  'GET /api/v1/me/learning/contents/:id': { access: 'profile:read', resource: 'my-learning-content' },
  'GET /api/v1/me/learning/contents/:id/file': { access: 'profile:read', resource: 'my-learning-content' },
  'GET /api/v1/me/learning/courses': { access: 'profile:read' },
  'POST /api/v1/me/learning/sessions': { access: 'profile:read' },
  'POST /api/v1/me/learning/sessions/:id/heartbeat': { access: 'profile:read', resource: 'my-study-session' },
  'GET /api/v1/me/learning/record': { access: 'profile:read' },

  'GET /api/v1/audit-events': { access: 'audit:read' },
  'GET /api/v1/audit-events/export': { access: 'audit:export' },
  'GET /api/v1/audit-events/verify': { access: 'audit:verify' },

  'GET /api/v1/dashboard/summary': { access: 'dashboard:read' },
};

export const policyKey = (method: string, url: string) => `${method.toUpperCase()} ${url}`;

/** Routes outside the API that need no policy entry: the docs UI and static web files. */
export const isPolicyExempt = (url: string) => !url.startsWith('/api/v1') && url !== '/healthz';
