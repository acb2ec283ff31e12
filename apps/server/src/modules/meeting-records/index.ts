export { meetingRecordsRoutes } from './meeting-records.routes.js';
export { createMeetingRecordsService, type MeetingRecordsService } from './meeting-records.service.js';
