import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import type Modeler from 'bpmn-js/lib/Modeler';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type Selection from 'diagram-js/lib/features/selection/Selection';
import { createTranslate, type DesignerLocale } from '../i18n/translate.module';
import { uiText } from '../i18n/ui-messages';
import type { Problem } from '../lint/lint-bpmn';
import { createBundle, downloadText, parseBundle, type FormFile } from './bundle';
import { createModeler } from './create-modeler';
import { emptyDiagram } from './empty-diagram';
import { problemsFromIssues } from './lint-issues';
import { ProblemsPanel } from './problems-panel';
import '../designer.css';

export interface BpmnDesignerProps {
  /** The model to open; a new process when absent. Changing it re-imports. */
  xml?: string;
  locale?: DesignerLocale;
  /** Forms written into an exported bundle. */
  forms?: FormFile[];
  /** The model after every change (formatted XML). */
  onChange?(xml: string): void;
  /** Forms read from an imported bundle. */
  onFormsImported?(forms: FormFile[]): void;
  /** The live bpmn-js Modeler (null after unmount), for hosts that need more. */
  onModeler?(modeler: Modeler | null): void;
  /**
   * Problems found elsewhere (the server's deploy validation): listed first in the problems panel
   * and marked on the diagram (`qt-server-problem`) by element id until the host replaces them.
   */
  serverProblems?: Problem[];
}

/**
 * The BPMN editor: palette, canvas, properties panel (Zeebe), lint problems and file
 * import/export. Vietnamese by default; switching locale rebuilds the modeler keeping the model.
 */
export function BpmnDesigner({ xml, locale = 'vi', forms = [], onChange, onFormsImported, onModeler, serverProblems = NO_PROBLEMS }: BpmnDesignerProps) {
  const canvasRef = useRef<HTMLDivElement>(null);
  const propertiesRef = useRef<HTMLDivElement>(null);
  const modelerRef = useRef<Modeler | null>(null);
  const xmlRef = useRef<string>(xml ?? emptyDiagram());
  /**
   * XML this editor handed to onChange since the last import. A host echoes it back as the `xml`
   * prop one render later; by then the user may have edited again, and re-importing the echo
   * would drop that edit (and the selection). Only XML from elsewhere is imported — the imported
   * XML itself is not listed, so a host can always reopen what it loaded (discard changes).
   */
  const emittedRef = useRef<string[]>([]);
  const callbacks = useRef({ onChange, onModeler });
  callbacks.current = { onChange, onModeler };
  const [problems, setProblems] = useState<Problem[]>([]);
  const [importProblems, setImportProblems] = useState<Problem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  /** Completed imports; exposed as data-import-count so tests and hosts can wait for one. */
  const [importCount, setImportCount] = useState(0);

  const openXml = useCallback(
    async (text: string) => {
      const modeler = modelerRef.current;
      if (!modeler) return;
      try {
        const { warnings } = await modeler.importXML(text);
        xmlRef.current = text;
        emittedRef.current = [];
        if (modelerRef.current === modeler) callbacks.current.onChange?.(text);
        // bpmn-js declares warnings as strings; at run time they are Errors carrying the element.
        const found = (warnings as unknown as { message: string; element?: { id?: string } }[]).map<Problem>((w) => ({
          id: w.element?.id ?? '',
          message: w.message,
          category: 'warn',
          rule: 'import',
        }));
        setImportProblems(found);
        setImportCount((count) => count + 1);
        setNotice(found.length ? uiText(locale, 'import.warnings', { count: found.length }) : null);
        (modeler.get('canvas') as Canvas).zoom('fit-viewport');
      } catch (e) {
        setNotice(uiText(locale, 'import.failed', { message: (e as Error).message }));
        setImportCount((count) => count + 1);
      }
    },
    [locale],
  );

  useEffect(() => {
    if (!canvasRef.current || !propertiesRef.current) return;
    const modeler = createModeler({ container: canvasRef.current, propertiesParent: propertiesRef.current, locale });
    modelerRef.current = modeler;
    modeler.on('linting.completed', (event: { issues: Parameters<typeof problemsFromIssues>[0] }) => {
      const translate = createTranslate(locale);
      setProblems(problemsFromIssues(event.issues).map((problem) => ({ ...problem, message: translate(problem.message) })));
    });
    modeler.on('commandStack.changed', async () => {
      const { xml: saved } = await modeler.saveXML({ format: true });
      if (saved && modelerRef.current === modeler) {
        xmlRef.current = saved;
        emittedRef.current = [...emittedRef.current.slice(-49), saved];
        callbacks.current.onChange?.(saved);
      }
    });
    void openXml(xmlRef.current);
    callbacks.current.onModeler?.(modeler);
    return () => {
      callbacks.current.onModeler?.(null);
      modelerRef.current = null;
      modeler.destroy();
    };
  }, [locale, openXml]);

  useEffect(() => {
    if (xml !== undefined && xml !== xmlRef.current && !emittedRef.current.includes(xml)) void openXml(xml);
  }, [xml, openXml]);

  useEffect(() => markServerProblems(modelerRef.current, serverProblems), [serverProblems, importCount]);

  const selectElement = useCallback((elementId: string) => {
    const modeler = modelerRef.current;
    const element = modeler && (modeler.get('elementRegistry') as ElementRegistry).get(elementId);
    if (!modeler || !element) return;
    const canvas = modeler.get('canvas') as Canvas;
    // Elements inside a collapsed sub-process live on its drill-down plane.
    const root = canvas.findRoot(element);
    if (root && root !== canvas.getRootElement()) canvas.setRootElement(root);
    (modeler.get('selection') as Selection).select(element);
    canvas.scrollToElement(element);
  }, []);

  const readFile = (handler: (text: string) => void) => async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) handler(await file.text());
  };

  const exportXml = async () => {
    const { xml: saved } = await modelerRef.current!.saveXML({ format: true });
    downloadText(`${processIdOf(saved ?? '')}.bpmn`, saved ?? '', 'application/xml');
  };
  const exportBundle = async () => {
    const { xml: saved } = await modelerRef.current!.saveXML({ format: true });
    downloadText(`${processIdOf(saved ?? '')}.bundle.json`, JSON.stringify(createBundle(saved ?? '', forms), null, 2), 'application/json');
  };
  const exportSvg = async () => {
    const { svg } = await modelerRef.current!.saveSVG();
    downloadText(`${processIdOf(xmlRef.current)}.svg`, svg, 'image/svg+xml');
  };
  const openBundle = (text: string) => {
    try {
      const bundle = parseBundle(text);
      onFormsImported?.(bundle.forms);
      void openXml(bundle.bpmn);
    } catch (e) {
      setNotice(uiText(locale, 'import.failed', { message: (e as Error).message }));
    }
  };

  return (
    <div className="qt-designer" data-testid="bpmn-designer" data-import-count={importCount}>
      <div className="qt-toolbar" role="toolbar">
        <button type="button" onClick={() => void openXml(emptyDiagram())}>
          {uiText(locale, 'toolbar.new')}
        </button>
        <label className="qt-file-button">
          {uiText(locale, 'toolbar.open')}
          <input type="file" accept=".bpmn,.xml" data-testid="open-bpmn" onChange={readFile((text) => void openXml(text))} />
        </label>
        <button type="button" data-testid="save-bpmn" onClick={() => void exportXml()}>
          {uiText(locale, 'toolbar.save')}
        </button>
        <label className="qt-file-button">
          {uiText(locale, 'toolbar.openBundle')}
          <input type="file" accept=".json" data-testid="open-bundle" onChange={readFile(openBundle)} />
        </label>
        <button type="button" onClick={() => void exportBundle()}>
          {uiText(locale, 'toolbar.saveBundle')}
        </button>
        <button type="button" onClick={() => void exportSvg()}>
          {uiText(locale, 'toolbar.svg')}
        </button>
      </div>
      {notice && (
        <p className="qt-notice" role="status">
          {notice}
        </p>
      )}
      <div className="qt-workspace">
        <div className="qt-canvas" ref={canvasRef} />
        <aside className="qt-properties" ref={propertiesRef} />
      </div>
      <ProblemsPanel problems={[...serverProblems, ...importProblems, ...problems]} locale={locale} onSelect={selectElement} />
    </div>
  );
}

const NO_PROBLEMS: Problem[] = [];
const SERVER_MARKER = 'qt-server-problem';

/** Puts the server-problem marker on exactly the elements of `problems`; returns the cleanup. */
function markServerProblems(modeler: Modeler | null, problems: Problem[]): (() => void) | undefined {
  if (!modeler) return undefined;
  const canvas = modeler.get('canvas') as Canvas;
  const registry = modeler.get('elementRegistry') as ElementRegistry;
  const marked = [...new Set(problems.map((p) => p.id))].filter((id) => id && registry.get(id));
  for (const id of marked) canvas.addMarker(id, SERVER_MARKER);
  return () => {
    try {
      for (const id of marked) if (registry.get(id)) canvas.removeMarker(id, SERVER_MARKER);
    } catch {
      // the modeler was destroyed first (locale switch, unmount): nothing left to unmark
    }
  };
}

function processIdOf(xml: string): string {
  return /<(?:bpmn:)?process\b[^>]*\bid="([^"]+)"/.exec(xml)?.[1] ?? 'diagram';
}
