import { useEffect, useState } from 'react';
import type { DesignerLocale } from '../i18n/translate.module';
import { uiText } from '../i18n/ui-messages';
import { propertyLabel } from './property-labels';
import { conflictKey, extractOverrides, isResolvable, rebase, type ConflictChoice, type ConflictResolutions, type RebaseConflict, type RebaseResult } from './rebase';
import { VariantDiff } from './variant-diff';

export interface RebasePreviewProps {
  /** The parent version the variant derives from. */
  baseXml: string;
  variantXml: string;
  /** The parent's new version. */
  newParentXml: string;
  locale?: DesignerLocale;
  /** Called with the rebased variant when the user accepts it. */
  onAccept(xml: string): void;
}

/**
 * Rebase with a preview (DESIGN.md §10): the variant's overrides re-applied on the parent's new
 * version, shown as a diff against that version, with every conflict listed before accepting.
 */
export function RebasePreview({ baseXml, variantXml, newParentXml, locale = 'vi', onAccept }: RebasePreviewProps) {
  const [result, setResult] = useState<RebaseResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [resolutions, setResolutions] = useState<ConflictResolutions>({});
  const choose = (conflict: RebaseConflict, choice: ConflictChoice) => setResolutions((current) => ({ ...current, [conflictKey(conflict)]: choice }));

  useEffect(() => setResolutions((current) => (Object.keys(current).length > 0 ? {} : current)), [baseXml, variantXml, newParentXml]);
  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        // re-run on every choice: the preview and the accepted model follow the resolutions
        const rebased = await rebase(newParentXml, await extractOverrides(baseXml, variantXml), resolutions);
        if (!cancelled) setResult(rebased);
      } catch (e) {
        if (!cancelled) setError((e as Error).message);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [baseXml, variantXml, newParentXml, resolutions]);

  if (error) return <p role="alert">{error}</p>;
  if (!result) return <p role="status">…</p>;
  return (
    <section className="qt-rebase" data-testid="rebase-preview">
      <h3>{uiText(locale, 'rebase.title')}</h3>
      {result.conflicts.length === 0 ? (
        <p>{uiText(locale, 'rebase.noConflicts')}</p>
      ) : (
        <ul className="qt-rebase-conflicts">
          {result.conflicts.map((conflict, index) => (
            <li key={index} data-kind={conflict.kind} data-element-id={conflict.elementId}>
              <strong>{uiText(locale, `conflict.${conflict.kind}`)}</strong> <code>{conflict.elementId}</code>
              {conflict.unit && ` — ${propertyLabel(Object.keys(conflict.variant ?? conflict.parent ?? {})[0] ?? conflict.unit, locale)}`}
              {conflict.kind === 'both-changed' && (
                <span>
                  {' '}
                  ({uiText(locale, 'diff.parent')}: {Object.values(conflict.parent ?? {}).join(', ') || '—'}; {uiText(locale, 'diff.variant')}:{' '}
                  {Object.values(conflict.variant ?? {}).join(', ') || '—'})
                </span>
              )}
              {isResolvable(conflict) && (
                <fieldset className="qt-rebase-choice" data-conflict-key={conflictKey(conflict)}>
                  <legend>{uiText(locale, 'rebase.choose')}</legend>
                  {(['variant', 'parent'] as const).map((choice) => (
                    <label key={choice}>
                      <input
                        type="radio"
                        name={`rebase-${index}-${conflictKey(conflict)}`}
                        value={choice}
                        checked={(resolutions[conflictKey(conflict)] ?? conflict.resolution ?? 'variant') === choice}
                        onChange={() => choose(conflict, choice)}
                        data-testid={`rebase-choice-${choice}`}
                      />{' '}
                      {uiText(locale, conflict.kind === 'removed-changed-by-parent' ? `rebase.${choice}Removal` : `rebase.${choice}Value`)}
                    </label>
                  ))}
                </fieldset>
              )}
            </li>
          ))}
        </ul>
      )}
      <VariantDiff parentXml={newParentXml} variantXml={result.xml} locale={locale} />
      <button type="button" onClick={() => onAccept(result.xml)} data-testid="accept-rebase">
        {uiText(locale, 'rebase.accept')}
      </button>
    </section>
  );
}
