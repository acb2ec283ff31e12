import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { PageLoading } from '../components/PageLoading';
import { LoginPage } from '../features/auth/LoginPage';
import { NotFoundPage } from '../features/errors/ErrorPages';
import { RequireSession, SetupGate } from './guards';
import { ConsoleLayout } from './layout';
import { appRoutes, Guarded, HomeRedirect } from './routes';

const SetupPasswordPage = lazy(() => import('../features/auth/SetupPasswordPage'));
const SetupMfaPage = lazy(() => import('../features/auth/SetupMfaPage'));
const MeetingProjectorPage = lazy(() => import('../features/meetings/projector/MeetingProjectorPage'));
const CompetitionBoardPage = lazy(() => import('../features/competition/projector/CompetitionBoardPage'));

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        path="/setup/password"
        element={
          <SetupGate step="password">
            <SetupPasswordPage />
          </SetupGate>
        }
      />
      <Route
        path="/setup/mfa"
        element={
          <SetupGate step="mfa">
            <SetupMfaPage />
          </SetupGate>
        }
      />
      {/* 投屏签到: full screen on the meeting-room projector, outside the console layout. */}
      <Route
        path="/meetings/:id/projector"
        element={
          <RequireSession>
            <Suspense fallback={<PageLoading fullscreen />}>
              <MeetingProjectorPage />
            </Suspense>
          </RequireSession>
        }
      />
      {/* 竞赛大屏: full screen for the event's projector. */}
      <Route
        path="/competitions/:id/board"
        element={
          <RequireSession>
            <Suspense fallback={<PageLoading fullscreen />}>
              <CompetitionBoardPage />
            </Suspense>
          </RequireSession>
        }
      />
      <Route
        element={
          <RequireSession>
            <ConsoleLayout />
          </RequireSession>
        }
      >
        <Route index element={<HomeRedirect />} />
        {appRoutes.map((r) => (
          <Route key={r.path} path={`${r.path}/*`} element={<Guarded route={r} />} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
