export { createLearningModule, type LearningModule } from './learning.module.js';
export { studySource } from './learning.points.js';
export { learningRoutes } from './learning.routes.js';
export { htmlToText, sanitizeHtml } from './learning.sanitize.js';
