export { createRecruitmentRepository, type RecruitmentRepository } from './recruitment.repository.js';
export { recruitmentRoutes } from './recruitment.routes.js';
export { createRecruitmentService, type RecruitmentService } from './recruitment.service.js';
