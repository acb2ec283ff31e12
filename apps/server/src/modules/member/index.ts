export { lifecycleColumns } from './member.mapper.js';
export { addMonths, checkIdentity, type FieldProblem, isMemberOrgType } from './member.policy.js';
export { createMemberRepository, type MemberRepository } from './member.repository.js';
export { memberRoutes } from './member.routes.js';
export { createMemberService, idNumberHash, type MemberService, nameKeys, todayIso } from './member.service.js';
