// The /designer page of the web app without the shell: what the designer browser tests open. The
// static server answers /api/* with 503, so the session is 'unreachable' and the page is the
// file-only workspace.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MemoryRouter } from 'react-router-dom';
import { SessionProvider } from '../../../../web/src/auth/session-context';
import { I18nProvider } from '../../../../web/src/i18n/i18n-context';
import { DesignerPage } from '../../../../web/src/pages/designer.page';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <MemoryRouter initialEntries={['/designer']}>
          <DesignerPage />
        </MemoryRouter>
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
