export { venueRoutes } from './venue.routes.js';
export { createVenueService, type VenueService } from './venue.service.js';
