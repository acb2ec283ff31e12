export { communityServiceRoutes } from './community-service.routes.js';
export {
  type CommunityServiceService,
  createCommunityServiceService,
} from './community-service.service.js';
