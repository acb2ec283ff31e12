import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import MembersPage from './MembersPage';

const MemberDetailPage = lazy(() => import('./MemberDetailPage'));

/** /members (list) and /members/:id (党员档案) under the one 党员管理 route of the route table. */
export default function MembersModule() {
  return (
    <Routes>
      <Route index element={<MembersPage />} />
      <Route path=":id" element={<MemberDetailPage />} />
    </Routes>
  );
}
