import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BellOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  CrownOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  FieldTimeOutlined,
  FlagOutlined,
  FormOutlined,
  HeartOutlined,
  IdcardOutlined,
  ProfileOutlined,
  ReadOutlined,
  ScheduleOutlined,
  SettingOutlined,
  SolutionOutlined,
  StarOutlined,
  SwapOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserAddOutlined,
  UserOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { Permission } from '@red-engine/shared';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode, Suspense } from 'react';
import { Navigate } from 'react-router';
import type { MessageKey } from '../../lib/i18n';
import { PageLoading } from '../components/PageLoading';
import { ForbiddenPage } from '../features/errors/ErrorPages';
import { useAccess } from './access';

export interface AppRoute {
  path: string;
  nameKey: MessageKey;
  icon: ReactNode;
  /** Permission needed to see the menu entry and open the page; null = every logged-in user. */
  access: Permission | null;
  element: LazyExoticComponent<ComponentType>;
  hideInMenu?: boolean;
  /** Sider submenu the entry sits in; routes of one group are listed together where the first one stands. */
  group?: MenuGroupKey;
}

/** Sider submenus (组织生活 …). */
export const menuGroups = {
  orgLife: { nameKey: 'menu.orgLife', icon: <CalendarOutlined /> },
  performance: { nameKey: 'menu.performance', icon: <TrophyOutlined /> },
  venues: { nameKey: 'menu.venueGroup', icon: <FlagOutlined /> },
  learning: { nameKey: 'menu.learning', icon: <ReadOutlined /> },
} satisfies Record<string, { nameKey: MessageKey; icon: ReactNode }>;
export type MenuGroupKey = keyof typeof menuGroups;

/** The one route table: it feeds the router, the sider menu and the breadcrumb. */
export const appRoutes: AppRoute[] = [
  {
    path: '/dashboard',
    nameKey: 'menu.dashboard',
    icon: <DashboardOutlined />,
    access: 'dashboard:read',
    element: lazy(() => import('../features/dashboard/DashboardPage')),
  },
  {
    path: '/orgs',
    nameKey: 'menu.orgs',
    icon: <ApartmentOutlined />,
    access: 'org:read',
    element: lazy(() => import('../features/orgs/OrgsPage')),
  },
  {
    path: '/term-warnings',
    nameKey: 'menu.termWarnings',
    icon: <BellOutlined />,
    access: 'org:read',
    element: lazy(() => import('../features/orgs/TermWarningsPage')),
  },
  {
    path: '/units',
    nameKey: 'menu.units',
    icon: <BankOutlined />,
    access: 'unit:read',
    element: lazy(() => import('../features/units/UnitsPage')),
  },
  {
    path: '/venues',
    nameKey: 'menu.venues',
    icon: <FlagOutlined />,
    access: 'venue:read',
    group: 'venues',
    element: lazy(() => import('../features/venues/VenuesPage')),
  },
  {
    path: '/venues/calendar',
    nameKey: 'menu.venueCalendar',
    icon: <FieldTimeOutlined />,
    access: 'meeting:read',
    group: 'venues',
    element: lazy(() => import('../features/venue-calendar/VenueCalendarModule')),
  },
  {
    path: '/members',
    nameKey: 'menu.members',
    icon: <IdcardOutlined />,
    access: 'member:read',
    element: lazy(() => import('../features/members/MembersModule')),
  },
  {
    path: '/transfers',
    nameKey: 'menu.transfers',
    icon: <SwapOutlined />,
    access: 'transfer:read',
    element: lazy(() => import('../features/transfers/TransfersPage')),
  },
  {
    path: '/recruitment',
    nameKey: 'menu.recruitment',
    icon: <UserAddOutlined />,
    access: 'recruitment:read',
    element: lazy(() => import('../features/recruitment/RecruitmentPage')),
  },
  {
    path: '/community-service',
    nameKey: 'menu.communityService',
    icon: <HeartOutlined />,
    access: 'community:read',
    element: lazy(() => import('../features/community-service/CommunityServicePage')),
  },
  {
    path: '/meetings',
    nameKey: 'menu.meetings',
    icon: <ScheduleOutlined />,
    access: 'meeting:read',
    group: 'orgLife',
    element: lazy(() => import('../features/meetings/MeetingsModule')),
  },
  {
    path: '/meetings/calendar',
    nameKey: 'menu.meetingCalendar',
    icon: <CalendarOutlined />,
    access: 'meeting:read',
    group: 'orgLife',
    element: lazy(() => import('../features/compliance/CalendarPage')),
  },
  {
    path: '/compliance',
    nameKey: 'menu.compliance',
    icon: <CheckSquareOutlined />,
    access: 'compliance:read',
    group: 'orgLife',
    element: lazy(() => import('../features/compliance/CompliancePage')),
  },
  {
    path: '/compliance/rules',
    nameKey: 'menu.complianceRules',
    icon: <SettingOutlined />,
    access: 'compliance:manage',
    group: 'orgLife',
    element: lazy(() => import('../features/compliance/RulesPage')),
  },
  {
    path: '/points',
    nameKey: 'menu.points',
    icon: <CrownOutlined />,
    access: 'points:read',
    group: 'performance',
    element: lazy(() => import('../features/points/PointsModule')),
  },
  {
    path: '/points/rules',
    nameKey: 'menu.pointRules',
    icon: <ProfileOutlined />,
    access: 'points:read',
    group: 'performance',
    element: lazy(() => import('../features/points/RulesPage')),
  },
  {
    path: '/org-rating',
    nameKey: 'menu.orgRating',
    icon: <StarOutlined />,
    access: 'rating:read',
    group: 'performance',
    element: lazy(() => import('../features/org-rating/OrgRatingModule')),
  },
  {
    path: '/org-rating/schemes',
    nameKey: 'menu.ratingSchemes',
    icon: <SettingOutlined />,
    access: 'rating:read',
    group: 'performance',
    element: lazy(() => import('../features/org-rating/SchemesModule')),
  },
  {
    path: '/evaluation/secretary',
    nameKey: 'menu.secretaryReview',
    icon: <AuditOutlined />,
    access: 'evaluation:read',
    group: 'performance',
    element: lazy(() => import('../features/evaluation/SecretaryReviewModule')),
  },
  {
    path: '/evaluation/members',
    nameKey: 'menu.memberEvaluation',
    icon: <SolutionOutlined />,
    access: 'evaluation:read',
    group: 'performance',
    element: lazy(() => import('../features/evaluation/MemberEvaluationModule')),
  },
  {
    path: '/learning/contents',
    nameKey: 'menu.learning.contents',
    icon: <ReadOutlined />,
    access: 'learning:read',
    element: lazy(() => import('../features/learning/LearningContentsPage')),
    group: 'learning',
  },
  {
    path: '/learning/courses',
    nameKey: 'menu.learning.courses',
    icon: <ScheduleOutlined />,
    access: 'learning:read',
    element: lazy(() => import('../features/learning/LearningCoursesPage')),
    group: 'learning',
  },
  {
    path: '/learning/stats',
    nameKey: 'menu.learning.stats',
    icon: <FieldTimeOutlined />,
    access: 'learning:read',
    element: lazy(() => import('../features/learning/LearningStatsPage')),
    group: 'learning',
  },
  {
    path: '/question-banks',
    nameKey: 'menu.questionBanks',
    icon: <DatabaseOutlined />,
    access: 'learning:read',
    group: 'learning',
    element: lazy(() => import('../features/exam/BankModule')),
  },
  {
    path: '/exams',
    nameKey: 'menu.exams',
    icon: <FormOutlined />,
    access: 'learning:read',
    group: 'learning',
    element: lazy(() => import('../features/exam/ExamModule')),
  },
  {
    path: '/competitions',
    nameKey: 'menu.competitions',
    icon: <TrophyOutlined />,
    access: 'learning:read',
    group: 'learning',
    element: lazy(() => import('../features/competition/CompetitionModule')),
  },
  {
    path: '/member-warnings',
    nameKey: 'menu.memberWarnings',
    icon: <WarningOutlined />,
    access: 'member:read',
    element: lazy(() => import('../features/member-warnings/MemberWarningsPage')),
  },
  {
    path: '/users',
    nameKey: 'menu.users',
    icon: <TeamOutlined />,
    access: 'user:read',
    element: lazy(() => import('../features/users/UsersPage')),
  },
  {
    path: '/audit',
    nameKey: 'menu.audit',
    icon: <AuditOutlined />,
    access: 'audit:read',
    element: lazy(() => import('../features/audit/AuditPage')),
  },
  {
    path: '/notifications',
    nameKey: 'notif.title',
    icon: <BellOutlined />,
    access: null,
    element: lazy(() => import('../features/notifications/NotificationsPage')),
    hideInMenu: true,
  },
  {
    path: '/account',
    nameKey: 'menu.account',
    icon: <UserOutlined />,
    access: null,
    element: lazy(() => import('../features/account/AccountPage')),
    hideInMenu: true,
  },
];

/** The most specific route for a path (/meetings/calendar before /meetings). */
export const findRoute = (pathname: string): AppRoute | undefined =>
  appRoutes
    .filter((r) => pathname === r.path || pathname.startsWith(`${r.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];

export function Guarded({ route }: { route: AppRoute }) {
  const { can } = useAccess();
  if (!can(route.access)) return <ForbiddenPage />;
  const Page = route.element;
  return (
    <Suspense fallback={<PageLoading />}>
      <Page />
    </Suspense>
  );
}

/** `/` opens the first page the user may see (the workbench for admins and leaders). */
export function HomeRedirect() {
  const { can } = useAccess();
  const first = appRoutes.find((r) => !r.hideInMenu && can(r.access)) ?? appRoutes.find((r) => r.path === '/account');
  return <Navigate to={first?.path ?? '/account'} replace />;
}
