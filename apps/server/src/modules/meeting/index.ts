import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { createAttendanceService } from './meeting.attendance.js';
import { createCheckinService } from './meeting.checkin.js';
import { meetingRoutes } from './meeting.routes.js';
import { createMeetingService } from './meeting.service.js';

export type CreateAttendanceService = ReturnType<typeof createAttendanceService>;
export { type CheckinService, createCheckinService } from './meeting.checkin.js';
export { createMeetingService, type MeetingService } from './meeting.service.js';
export { meetingRoutes };

/** The meetings module's services, wired together (an edit evicts the check-in engine's cached meeting). */
export function createMeetingModule(deps: { db: Db; config: Config }) {
  let checkinRef: ReturnType<typeof createCheckinService> | undefined;
  const meetings = createMeetingService({ db: deps.db, onChanged: (id) => checkinRef?.forget(id) });
  const checkin = createCheckinService({ db: deps.db, dataKey: deps.config.dataKey, meetings });
  checkinRef = checkin;
  const attendance = createAttendanceService({ db: deps.db, meetings });
  return { meetings, checkin, attendance, publicUrl: deps.config.publicUrl };
}
export { meetingPhase } from './meeting.policy.js';
