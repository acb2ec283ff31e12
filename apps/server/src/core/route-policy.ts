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
    | 'compliance-rule';
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

  'GET /api/v1/audit-events': { access: 'audit:read' },
  'GET /api/v1/audit-events/export': { access: 'audit:export' },
  'GET /api/v1/audit-events/verify': { access: 'audit:verify' },

  'GET /api/v1/dashboard/summary': { access: 'dashboard:read' },
};

export const policyKey = (method: string, url: string) => `${method.toUpperCase()} ${url}`;

/** Routes outside the API that need no policy entry: the docs UI and static web files. */
export const isPolicyExempt = (url: string) => !url.startsWith('/api/v1') && url !== '/healthz';
