import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { useSession } from './auth/session-context';
import { ErrorBanner } from './components/error-banner';
import { Spinner } from './components/spinner';
import { Shell } from './layout/shell';
import { ChangePasswordPage } from './pages/change-password.page';
import { LoginPage } from './pages/login.page';
import { NotFoundPage } from './pages/not-found.page';
import { TaskListPage } from './tasks/task-list.page';

/** bpmn-js is large: the designer is its own chunk, loaded on first visit to /designer. */
const DesignerPage = lazy(() => import('./pages/designer.page'));
const PersonSearchPage = lazy(() => import('./cases/person-search.page'));
const PersonPage = lazy(() => import('./cases/person.page'));
const InstancePage = lazy(() => import('./instances/instance.page'));
const OperationsPage = lazy(() => import('./admin/operations.page'));
const PublicRoutes = lazy(() => import('./public/public-routes'));
const ReportsPage = lazy(() => import('./reports/reports.page'));

const page = (element: ReactNode) => <Suspense fallback={<Spinner />}>{element}</Suspense>;

export function App() {
  return (
    <Routes>
      <Route path="/public/*" element={page(<PublicRoutes />)} />
      <Route path="*" element={<StaffApp />} />
    </Routes>
  );
}

/** Everything behind the sign-in. */
function StaffApp() {
  const { status, error, refresh } = useSession();
  if (status === 'loading') return <Spinner />;
  if (status === 'unreachable') {
    return (
      <main id="main" className="login-page">
        <ErrorBanner error={error} onRetry={refresh} />
      </main>
    );
  }
  if (status === 'signedOut') return <LoginPage />;
  return (
    <Shell>
      <Routes>
        <Route path="/" element={<Navigate to="/tasks" replace />} />
        <Route path="/tasks/:taskId?" element={<TaskListPage />} />
        <Route path="/cases" element={page(<PersonSearchPage />)} />
        <Route path="/cases/persons/:personId" element={page(<PersonPage />)} />
        <Route path="/instances/:instanceId" element={page(<InstancePage />)} />
        <Route path="/reports/*" element={page(<ReportsPage />)} />
        <Route path="/designer/*" element={page(<DesignerPage />)} />
        <Route path="/admin/*" element={page(<OperationsPage />)} />
        <Route path="/account/password" element={<ChangePasswordPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Shell>
  );
}
