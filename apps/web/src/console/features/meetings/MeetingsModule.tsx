import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import MeetingsPage from './MeetingsPage';
import './meetings.css';

const MeetingDetailPage = lazy(() => import('./detail/MeetingDetailPage'));

/** /meetings (活动管理) and /meetings/:id (活动详情); the projector page lives outside the console layout. */
export default function MeetingsModule() {
  return (
    <Routes>
      <Route index element={<MeetingsPage />} />
      <Route path=":id" element={<MeetingDetailPage />} />
    </Routes>
  );
}
