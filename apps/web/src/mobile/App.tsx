import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { useEffect } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { I18nProvider, useI18n } from '../lib/i18n';
import { queryClient } from '../lib/query-client';
import { installToastPresenter } from './feedback';
import { MobileGuard } from './MobileGuard';
import { MessagesPage } from './notifications/MessagesPage';
import { CommunityPage } from './pages/CommunityPage';
import { CompetitionPlayPage } from './pages/competition/CompetitionPlayPage';
import { CompetitionResultPage } from './pages/competition/CompetitionResultPage';
import { MyCompetitionsPage } from './pages/competition/MyCompetitionsPage';
import { MyEvaluationPage } from './pages/evaluation/MyEvaluationPage';
import { MyEvaluationsPage } from './pages/evaluation/MyEvaluationsPage';
import { ExamResultPage } from './pages/exam/ExamResultPage';
import { ExamTakePage } from './pages/exam/ExamTakePage';
import { MyExamsPage } from './pages/exam/MyExamsPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { ContentViewPage } from './pages/learning/ContentViewPage';
import { LearningHomePage } from './pages/learning/LearningHomePage';
import { StudyRecordPage } from './pages/learning/StudyRecordPage';
import { MfaNoticePage } from './pages/MfaNoticePage';
import { MinePage } from './pages/MinePage';
import { MyTransfersPage } from './pages/MyTransfersPage';
import { AttendancePage } from './pages/meetings/AttendancePage';
import { CheckinPage } from './pages/meetings/CheckinPage';
import { MyCodePage } from './pages/meetings/MyCodePage';
import { MyMeetingDetailPage } from './pages/meetings/MyMeetingDetailPage';
import { MyMeetingsPage } from './pages/meetings/MyMeetingsPage';
import { StaffScanPage } from './pages/meetings/StaffScanPage';
import { MyOrgRatingPage } from './pages/org-rating/MyOrgRatingPage';
import { PasswordPage } from './pages/PasswordPage';
import { MyPointsPage } from './pages/points/MyPointsPage';
import { MyStarsPage } from './pages/points/MyStarsPage';
import { PointObjectionsPage } from './pages/points/PointObjectionsPage';
import { PointRulesPage } from './pages/points/PointRulesPage';
import { RecordPage } from './pages/RecordPage';
import { TabLayout } from './TabLayout';

function Routed() {
  const { locale } = useI18n();
  useEffect(() => installToastPresenter(), []);
  return (
    <ConfigProvider locale={locale === 'en-US' ? enUS : zhCN}>
      <BrowserRouter basename="/m">
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route
            path="/password"
            element={
              <MobileGuard allowSetup>
                <PasswordPage />
              </MobileGuard>
            }
          />
          <Route
            path="/mfa-required"
            element={
              <MobileGuard allowSetup>
                <MfaNoticePage />
              </MobileGuard>
            }
          />
          <Route
            path="/community"
            element={
              <MobileGuard>
                <CommunityPage />
              </MobileGuard>
            }
          />
          <Route
            path="/org-rating"
            element={
              <MobileGuard>
                <MyOrgRatingPage />
              </MobileGuard>
            }
          />
          <Route
            path="/learning"
            element={
              <MobileGuard>
                <LearningHomePage />
              </MobileGuard>
            }
          />
          <Route
            path="/learning/contents/:id"
            element={
              <MobileGuard>
                <ContentViewPage />
              </MobileGuard>
            }
          />
          <Route
            path="/learning/record"
            element={
              <MobileGuard>
                <StudyRecordPage />
              </MobileGuard>
            }
          />
          <Route
            path="/points"
            element={
              <MobileGuard>
                <MyPointsPage />
              </MobileGuard>
            }
          />
          <Route
            path="/points/stars"
            element={
              <MobileGuard>
                <MyStarsPage />
              </MobileGuard>
            }
          />
          <Route
            path="/points/rules"
            element={
              <MobileGuard>
                <PointRulesPage />
              </MobileGuard>
            }
          />
          <Route
            path="/points/objections"
            element={
              <MobileGuard>
                <PointObjectionsPage />
              </MobileGuard>
            }
          />
          <Route
            path="/transfers"
            element={
              <MobileGuard>
                <MyTransfersPage />
              </MobileGuard>
            }
          />
          <Route
            path="/messages"
            element={
              <MobileGuard>
                <MessagesPage />
              </MobileGuard>
            }
          />
          <Route
            path="/competitions"
            element={
              <MobileGuard>
                <MyCompetitionsPage />
              </MobileGuard>
            }
          />
          <Route
            path="/competitions/:id"
            element={
              <MobileGuard>
                <CompetitionPlayPage />
              </MobileGuard>
            }
          />
          <Route
            path="/competitions/:id/result"
            element={
              <MobileGuard>
                <CompetitionResultPage />
              </MobileGuard>
            }
          />
          <Route
            path="/evaluations"
            element={
              <MobileGuard>
                <MyEvaluationsPage />
              </MobileGuard>
            }
          />
          <Route
            path="/evaluations/:id"
            element={
              <MobileGuard>
                <MyEvaluationPage />
              </MobileGuard>
            }
          />
          <Route
            path="/record"
            element={
              <MobileGuard>
                <RecordPage />
              </MobileGuard>
            }
          />
          <Route
            path="/meetings"
            element={
              <MobileGuard>
                <MyMeetingsPage />
              </MobileGuard>
            }
          />
          <Route
            path="/meetings/:id"
            element={
              <MobileGuard>
                <MyMeetingDetailPage />
              </MobileGuard>
            }
          />
          <Route
            path="/checkin"
            element={
              <MobileGuard>
                <CheckinPage />
              </MobileGuard>
            }
          />
          <Route
            path="/my-code"
            element={
              <MobileGuard>
                <MyCodePage />
              </MobileGuard>
            }
          />
          <Route
            path="/attendance"
            element={
              <MobileGuard>
                <AttendancePage />
              </MobileGuard>
            }
          />
          <Route
            path="/exams"
            element={
              <MobileGuard>
                <MyExamsPage />
              </MobileGuard>
            }
          />
          <Route
            path="/exams/:id/take"
            element={
              <MobileGuard>
                <ExamTakePage />
              </MobileGuard>
            }
          />
          <Route
            path="/exams/:id/results"
            element={
              <MobileGuard>
                <ExamResultPage />
              </MobileGuard>
            }
          />
          {/* The volunteer's link carries its own credential: no login. */}
          <Route path="/staff" element={<StaffScanPage />} />
          <Route
            element={
              <MobileGuard>
                <TabLayout />
              </MobileGuard>
            }
          >
            <Route index element={<HomePage />} />
            <Route path="/me" element={<MinePage />} />
          </Route>
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </BrowserRouter>
    </ConfigProvider>
  );
}

export function MobileApp() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Routed />
      </I18nProvider>
    </QueryClientProvider>
  );
}
