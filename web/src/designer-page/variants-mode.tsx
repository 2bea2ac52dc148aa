import { useState } from 'react';
import { ErrorBanner } from '../components/error-banner';
import { Spinner } from '../components/spinner';
import { useAction } from '../hooks/use-query';
import type { ModeProps } from './definitions-mode';
import { VariantEditor } from './variant-editor';
import { loadVariantSession, type VariantSession } from './variant-session';
import { VariantsPanel, type VariantAction } from './variants-panel';

/** District/commune admins: the variant list, and the editor of the variant chosen or being created. */
export function VariantsMode(props: ModeProps) {
  const [session, setSession] = useState<VariantSession | null>(null);
  const load = useAction(async (action: VariantAction) => setSession(await loadVariantSession(action)));

  if (session) return <VariantEditor key={session.variant?.id ?? 'new'} session={session} onBack={() => setSession(null)} {...props} />;
  return (
    <div className="designer-mode" data-mode="variants">
      {load.busy ? <Spinner /> : null}
      <ErrorBanner error={load.error} />
      <VariantsPanel busy={load.busy} onAction={(action) => void load.execute(action)} />
    </div>
  );
}
