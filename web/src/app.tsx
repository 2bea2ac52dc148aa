import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Shell } from './layout/shell';
import { HomePage } from './pages/home.page';
import { NotFoundPage } from './pages/not-found.page';
import { PlaceholderPage } from './pages/placeholder.page';

/** bpmn-js is large: the designer is its own chunk, loaded on first visit to /designer. */
const DesignerPage = lazy(() => import('./pages/designer.page'));

export function App() {
  return (
    <Shell>
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/tasks/*" element={<PlaceholderPage titleKey="nav.tasks" />} />
        <Route path="/cases/*" element={<PlaceholderPage titleKey="nav.cases" />} />
        <Route path="/reports/*" element={<PlaceholderPage titleKey="nav.reports" />} />
        <Route
          path="/designer/*"
          element={
            <Suspense fallback={<p role="status">…</p>}>
              <DesignerPage />
            </Suspense>
          }
        />
        <Route path="/admin/*" element={<PlaceholderPage titleKey="nav.admin" />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Shell>
  );
}
