import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { useSession } from '../auth/session';
import { Loading } from '../components/Loading';
import { Shell } from './Shell';

// Route-level code splitting: the sign-in page and the shell load first; each screen is its own chunk.
const LoginPage = lazy(() => import('../auth/LoginPage'));
const QueuePage = lazy(() => import('../features/applications/QueuePage'));
const DossierPage = lazy(() => import('../features/applications/DossierPage'));
const LicensesPage = lazy(() => import('../features/licenses/LicensesPage'));
const LicensePage = lazy(() => import('../features/licenses/LicensePage'));
const InspectionsPage = lazy(() => import('../features/inspections/InspectionsPage'));
const InspectionPage = lazy(() => import('../features/inspections/InspectionPage'));
const ViolationsPage = lazy(() => import('../features/violations/ViolationsPage'));
const ViolationPage = lazy(() => import('../features/violations/ViolationPage'));

function page(node: ReactNode) {
  return <Suspense fallback={<Loading />}>{node}</Suspense>;
}

/** Where each role starts. */
export function homeOf(role: string): string {
  if (role === 'approver') return '/decisions';
  if (role === 'appraiser') return '/queue/mine';
  if (role === 'inspector') return '/inspections';
  return '/licenses';
}

function RequireSession() {
  const { user } = useSession();
  if (!user) return page(<LoginPage />);
  return <Shell />;
}

function Home() {
  const { user } = useSession();
  return <Navigate to={user ? homeOf(user.role) : '/'} replace />;
}

export const router = createBrowserRouter(
  [
    {
      path: '/',
      element: <RequireSession />,
      children: [
        { index: true, element: <Home /> },
        { path: 'queue/:queue', element: page(<QueuePage />) },
        { path: 'decisions', element: page(<QueuePage decisions />) },
        { path: 'applications/:id', element: page(<DossierPage />) },
        { path: 'licenses', element: page(<LicensesPage />) },
        { path: 'licenses/:id', element: page(<LicensePage />) },
        { path: 'inspections', element: page(<InspectionsPage />) },
        { path: 'inspections/:id', element: page(<InspectionPage />) },
        { path: 'violations', element: page(<ViolationsPage />) },
        { path: 'violations/:id', element: page(<ViolationPage />) },
        { path: '*', element: <Home /> },
      ],
    },
  ],
  { basename: '/office' },
);
