// The /designer page of the web app without the shell (no session/server needed): what the
// designer browser tests open.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MemoryRouter } from 'react-router-dom';
import { I18nProvider } from '../../../../web/src/i18n/i18n-context';
import { DesignerPage } from '../../../../web/src/pages/designer.page';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <MemoryRouter initialEntries={['/designer']}>
        <DesignerPage />
      </MemoryRouter>
    </I18nProvider>
  </StrictMode>,
);
