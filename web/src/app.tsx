import { Route, Routes } from 'react-router-dom';
import { Shell } from './layout/shell';
import { HomePage } from './pages/home.page';
import { NotFoundPage } from './pages/not-found.page';
import { PlaceholderPage } from './pages/placeholder.page';

export function App() {
  return (
    <Shell>
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/tasks/*" element={<PlaceholderPage titleKey="nav.tasks" />} />
        <Route path="/cases/*" element={<PlaceholderPage titleKey="nav.cases" />} />
        <Route path="/reports/*" element={<PlaceholderPage titleKey="nav.reports" />} />
        <Route path="/designer/*" element={<PlaceholderPage titleKey="nav.designer" />} />
        <Route path="/admin/*" element={<PlaceholderPage titleKey="nav.admin" />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Shell>
  );
}
