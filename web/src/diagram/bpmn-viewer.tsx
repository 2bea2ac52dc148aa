import { useEffect, useRef, useState } from 'react';
import { Spinner } from '../components/spinner';
import { useI18n } from '../i18n/i18n-context';
import './diagram.css';

export interface Highlights {
  active?: string[];
  completed?: string[];
  failed?: string[];
}

interface ViewerLike {
  importXML(xml: string): Promise<unknown>;
  get<T = unknown>(name: string): T;
  destroy(): void;
}

interface CanvasLike {
  addMarker(element: string, marker: string): void;
  zoom(level: string | number): void;
}

/**
 * Read-only BPMN diagram (bpmn-js NavigatedViewer, fetched on first use so it never weighs on the
 * task list) with completed, active and failed elements highlighted.
 */
export function BpmnViewer({ xml, highlights, label }: { xml: string; highlights: Highlights; label: string }) {
  const { t } = useI18n();
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const key = JSON.stringify(highlights);

  useEffect(() => {
    let viewer: ViewerLike | undefined;
    let cancelled = false;
    setState('loading');
    import('./viewer-loader')
      .then(async ({ NavigatedViewer }) => {
        if (cancelled || !host.current) return;
        viewer = new NavigatedViewer({ container: host.current }) as unknown as ViewerLike;
        await viewer.importXML(xml);
        if (cancelled) return;
        const canvas = viewer.get<CanvasLike>('canvas');
        const marks = JSON.parse(key) as Highlights;
        const mark = (ids: string[] | undefined, marker: string) =>
          ids?.forEach((id) => {
            try {
              canvas.addMarker(id, marker);
            } catch {
              /* element not drawn */
            }
          });
        mark(marks.completed, 'hl-completed');
        mark(marks.active, 'hl-active');
        mark(marks.failed, 'hl-failed');
        canvas.zoom('fit-viewport');
        setState('ready');
      })
      .catch(() => !cancelled && setState('failed'));
    return () => {
      cancelled = true;
      viewer?.destroy();
    };
  }, [xml, key]);

  return (
    <figure className="bpmn-viewer" aria-label={label}>
      <div className="bpmn-canvas" ref={host} data-state={state} />
      {state === 'loading' ? <Spinner label={t('diagram.loading')} /> : null}
      {state === 'failed' ? <p role="alert">{t('diagram.failed')}</p> : null}
      <figcaption className="legend">
        <span className="legend-item legend-completed">{t('diagram.legend.completed')}</span>
        <span className="legend-item legend-active">{t('diagram.legend.active')}</span>
        <span className="legend-item legend-failed">{t('diagram.legend.failed')}</span>
      </figcaption>
    </figure>
  );
}
