import { useCallback, useState } from 'react';
import { emptyDiagram, type FormFile } from '../../../designer';
import { useSession } from '../auth/session-context';
import { DefinitionsMode } from '../designer-page/definitions-mode';
import { useDesignerText, type DesignerTextKey } from '../designer-page/designer-messages';
import { MigrationPanel } from '../designer-page/migration-panel';
import { ProcessWorkspace } from '../designer-page/process-workspace';
import { useUnsavedGuard } from '../designer-page/use-unsaved-guard';
import { VariantsMode } from '../designer-page/variants-mode';
import { useI18n } from '../i18n/i18n-context';
import '../designer-page/designer-page.css';

type Mode = 'definitions' | 'variants' | 'migration';

/** Which modes a user gets: provincial/global admins deploy, variant admins adopt variants, both may migrate. */
export function designerModes(can: (action: string, subject: string) => boolean, level: string | null | undefined): Mode[] {
  const modes: Mode[] = [];
  const local = level === 'district' || level === 'commune';
  if (can('read', 'Variant') && local) modes.push('variants');
  if (can('deploy', 'Definition')) modes.push('definitions');
  if (can('read', 'Variant') && !local) modes.push('variants');
  if (can('migrate', 'Instance')) modes.push('migration');
  return modes;
}

/**
 * /designer — procedures from the server (open, edit, check, deploy), local variants (diff against
 * the parent, rebase, (de)activate) and the migration of running cases. Without a session (the
 * designer's own browser harness) it is the file-only workspace. Loaded lazily from app.tsx so
 * bpmn-js and the properties panel stay out of the task-list bundle.
 */
export function DesignerPage() {
  const { t } = useI18n();
  const dt = useDesignerText();
  const { can, user } = useSession();
  const modes = designerModes(can, user?.jurisdiction?.level);
  const [mode, setMode] = useState<Mode | null>(null);
  const active = mode && modes.includes(mode) ? mode : (modes[0] ?? null);
  const [dirty, setDirty] = useState(false);
  const confirmDiscard = useUnsavedGuard(dirty, dt('unsaved.confirm'));
  const onDirty = useCallback((next: boolean) => setDirty(next), []);

  return (
    <section className="designer-page">
      <h1>{t('nav.designer')}</h1>
      {modes.length > 1 && (
        <div className="designer-modes" role="tablist" aria-label={t('nav.designer')}>
          {modes.map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={active === name}
              data-mode-tab={name}
              onClick={() => {
                if (name !== active && confirmDiscard()) {
                  setDirty(false);
                  setMode(name);
                }
              }}
            >
              {dt(`mode.${name}` as DesignerTextKey)}
            </button>
          ))}
        </div>
      )}
      {active === 'definitions' && <DefinitionsMode onDirty={onDirty} confirmDiscard={confirmDiscard} />}
      {active === 'variants' && <VariantsMode onDirty={onDirty} confirmDiscard={confirmDiscard} />}
      {active === 'migration' && <MigrationPanel />}
      {active === null && <LocalWorkspace />}
    </section>
  );
}

/** Files only: open/save .bpmn and bundles, forms, and the diff/rebase of files. */
function LocalWorkspace() {
  const dt = useDesignerText();
  const [xml, setXml] = useState<string>(() => emptyDiagram());
  const [forms, setForms] = useState<FormFile[]>([]);
  return (
    <>
      <p className="hint">{dt('mode.local')}</p>
      <ProcessWorkspace xml={xml} onXml={setXml} forms={forms} onForms={setForms} />
    </>
  );
}

export default DesignerPage;
