export { MeetingRecordsPanel } from './MeetingRecordsPanel';
