import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import BoardPage from './BoardPage';
import './org-rating.css';

const RatingPage = lazy(() => import('./RatingPage'));
const SchemesPage = lazy(() => import('./SchemesPage'));

/** /org-rating (评定看板), /org-rating/:id (评定详情) and /org-rating/schemes (评定方案). */
export default function OrgRatingModule() {
  return (
    <Routes>
      <Route index element={<BoardPage />} />
      <Route path="schemes" element={<SchemesPage />} />
      <Route path=":id" element={<RatingPage />} />
    </Routes>
  );
}
