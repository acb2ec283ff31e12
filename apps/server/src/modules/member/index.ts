export { eventAuditView, lifecycleColumns, memberAuditView } from './member.mapper.js';
export {
  addMonths,
  checkIdentity,
  checkLifecycleDates,
  checkMemberEvent,
  type FieldProblem,
  isMemberOrgType,
} from './member.policy.js';
export {
  createMemberRepository,
  type MemberRepository,
  type MemberRow,
  type NewEventRow,
  type NewMemberRow,
} from './member.repository.js';
export { memberRoutes } from './member.routes.js';
export {
  createMemberService,
  idNumberHash,
  type MemberService,
  memberPersonalColumns,
  nameKeys,
  newMemberEvents,
  todayIso,
} from './member.service.js';
