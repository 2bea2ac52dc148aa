import { useEffect, useRef, useState } from 'react';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';
import type { DesignerLocale } from '../i18n/translate.module';
import { uiText } from '../i18n/ui-messages';
import { diffModels, type ElementChange, type ModelDiff } from './diff-models';
import { propertyLabel } from './property-labels';
import '../designer.css';

export interface VariantDiffProps {
  /** The province's model the variant derives from. */
  parentXml: string;
  variantXml: string;
  locale?: DesignerLocale;
}

type Kind = 'added' | 'removed' | 'changed';

/**
 * The parent beside the variant: added elements green (variant side), removed red (parent
 * side), changed amber (both), and every property change listed below.
 */
export function VariantDiff({ parentXml, variantXml, locale = 'vi' }: VariantDiffProps) {
  const parentRef = useRef<HTMLDivElement>(null);
  const variantRef = useRef<HTMLDivElement>(null);
  const [diff, setDiff] = useState<ModelDiff | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!parentRef.current || !variantRef.current) return;
    const parent = new NavigatedViewer({ container: parentRef.current, moddleExtensions: { zeebe: zeebeSchema } });
    const variant = new NavigatedViewer({ container: variantRef.current, moddleExtensions: { zeebe: zeebeSchema } });
    let cancelled = false;
    (async () => {
      try {
        const [result] = await Promise.all([diffModels(parentXml, variantXml), parent.importXML(parentXml), variant.importXML(variantXml)]);
        if (cancelled) return;
        mark(parent, result.removed, 'removed');
        mark(parent, result.changed, 'changed');
        mark(variant, result.added, 'added');
        mark(variant, result.changed, 'changed');
        for (const viewer of [parent, variant]) (viewer.get('canvas') as Canvas).zoom('fit-viewport');
        setDiff(result);
        setError(null);
      } catch (e) {
        if (!cancelled) setError((e as Error).message);
      }
    })();
    return () => {
      cancelled = true;
      parent.destroy();
      variant.destroy();
    };
  }, [parentXml, variantXml]);

  const rows: { kind: Kind; change: ElementChange }[] = diff
    ? [
        ...diff.added.map((change) => ({ kind: 'added' as const, change })),
        ...diff.removed.map((change) => ({ kind: 'removed' as const, change })),
        ...diff.changed.map((change) => ({ kind: 'changed' as const, change })),
      ]
    : [];

  return (
    <div className="qt-variant-diff" data-testid="variant-diff">
      <div className="qt-diff">
        <figure>
          <figcaption>{uiText(locale, 'diff.parent')}</figcaption>
          <div className="qt-diff-viewer" ref={parentRef} />
        </figure>
        <figure>
          <figcaption>{uiText(locale, 'diff.variant')}</figcaption>
          <div className="qt-diff-viewer" ref={variantRef} />
        </figure>
      </div>
      {error && <p role="alert">{error}</p>}
      {diff && rows.length === 0 && <p>{uiText(locale, 'diff.none')}</p>}
      {rows.length > 0 && (
        <table className="qt-diff-table">
          <tbody>
            {rows.map(({ kind, change }) => (
              <tr key={`${kind}:${change.id}`} className={`qt-diff-row-${kind}`} data-element-id={change.id} data-kind={kind}>
                <td>{uiText(locale, `diff.${kind}`)}</td>
                <td>
                  {change.name ?? change.id} <code>{change.id}</code>
                </td>
                <td>
                  {kind === 'changed' && (
                    <ul>
                      {change.properties.map((property) => (
                        <li key={property.key}>
                          {propertyLabel(property.key, locale)}: <del>{property.before ?? '—'}</del> → <ins>{property.after ?? '—'}</ins>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function mark(viewer: NavigatedViewer, changes: ElementChange[], kind: Kind): void {
  const registry = viewer.get('elementRegistry') as ElementRegistry;
  const canvas = viewer.get('canvas') as Canvas;
  for (const change of changes) if (registry.get(change.id)) canvas.addMarker(change.id, `qt-diff-${kind}`);
}
