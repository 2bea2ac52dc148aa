import { useEffect, useState } from 'react';
import { emptyDiagram, type Problem } from '../../../designer';
import { definitionApi, type DefinitionRow } from '../api/endpoints';
import { DefinitionPicker, whereText } from './definition-picker';
import { DeployPanel } from './deploy-panel';
import { useDesignerText } from './designer-messages';
import { ProcessWorkspace } from './process-workspace';
import { useProcedureForms } from './use-procedure-forms';

export interface ModeProps {
  /** Reports whether the model has changes not yet deployed (the page guards them). */
  onDirty(dirty: boolean): void;
  confirmDiscard(): boolean;
}

/**
 * Provincial (or global) admins: open a deployed procedure, edit it, check it with the server and
 * deploy it as a new version for their jurisdiction.
 */
export function DefinitionsMode({ onDirty, confirmDiscard }: ModeProps) {
  const dt = useDesignerText();
  const [definition, setDefinition] = useState<DefinitionRow | null>(null);
  const [xml, setXml] = useState<string>(() => emptyDiagram());
  const [baseline, setBaseline] = useState<string>(xml);
  const procedureForms = useProcedureForms();
  const [serverProblems, setServerProblems] = useState<Problem[]>([]);
  const [refreshKey, setRefreshKey] = useState(0);
  const dirty = xml !== baseline;
  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  const open = (row: DefinitionRow, text: string) => {
    setDefinition(row);
    setXml(text);
    setBaseline(text);
    setServerProblems([]);
    void procedureForms.load(text);
  };
  const deploy = async (versionTag: string) => {
    const { definitions } = await definitionApi.deploy({ xml, versionTag: versionTag || undefined });
    const first = definitions[0];
    setBaseline(xml);
    setRefreshKey((n) => n + 1);
    if (!first) return dt('deploy.unchanged', { version: definition?.version ?? '?' });
    // the deploy answers { id, key, version, created, jurisdictionCode }: keep the rest of what was open
    const jurisdictionCode = (first as { jurisdictionCode?: string | null }).jurisdictionCode ?? first.jurisdiction_code ?? null;
    setDefinition({ ...(definition ?? first), ...first, name: definition?.name ?? first.name ?? null, jurisdiction_code: jurisdictionCode, version_tag: versionTag || null });
    return first.created === false ? dt('deploy.unchanged', { version: first.version }) : dt('deploy.done', { key: first.key, version: first.version });
  };

  return (
    <div className="designer-mode" data-mode="definitions">
      <DefinitionPicker onOpen={open} confirmDiscard={confirmDiscard} refreshKey={refreshKey} current={definition} />
      <p className="designer-editing" data-testid="editing-title">
        {definition
          ? dt('editing.title', { name: definition.name ?? definition.key, version: definition.version, where: whereText(dt, definition.jurisdiction_code) })
          : dt('editing.new')}
        {dirty && (
          <span className="badge warn" data-testid="unsaved">
            {dt('unsaved.badge')}
          </span>
        )}
      </p>
      <DeployPanel xml={xml} onProblems={setServerProblems} deploy={deploy} withVersionTag />
      <ProcessWorkspace
        xml={xml}
        onXml={setXml}
        forms={procedureForms.forms}
        onForms={procedureForms.setForms}
        serverProblems={serverProblems}
        formsHeader={definition && procedureForms.header}
        formActions={procedureForms.actions}
      />
    </div>
  );
}
