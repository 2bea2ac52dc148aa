import type { WidgetProps } from '@rjsf/utils';
import { useEffect, useState } from 'react';
import { contextOf, pick, type JurisdictionOption } from './form-context';

type Structure = '2022' | '2025';
const LEVELS: Record<Structure, JurisdictionOption['level'][]> = {
  '2022': ['province', 'district', 'commune'],
  '2025': ['province', 'commune'],
};
const LEVEL_LABEL: Record<JurisdictionOption['level'], [string, string]> = {
  province: ['Tỉnh/Thành phố', 'Province/City'],
  district: ['Quận/Huyện', 'District'],
  commune: ['Xã/Phường', 'Commune/Ward'],
};

/**
 * `jurisdiction`: cascading selects province → (district →) commune, loaded through
 * `formContext.loadJurisdictions(parentCode, structure)`. The structure comes from
 * `ui:options.structure` or `formContext.structure` (default 2025: province → commune). The stored
 * value is the code of the deepest level (`ui:options.level` stops earlier, e.g. "province").
 * Without a loader it is a plain code input.
 */
export function JurisdictionWidget(props: WidgetProps) {
  const { id, value, required, disabled, readonly, onChange, registry, options, rawErrors } = props;
  const ctx = contextOf(registry);
  const locale = ctx.locale;
  const structure: Structure = options.structure === '2022' || options.structure === '2025' ? options.structure : (ctx.structure ?? '2025');
  const allLevels = LEVELS[structure];
  const stopAt = allLevels.indexOf(options.level as JurisdictionOption['level']);
  const levels = stopAt >= 0 ? allLevels.slice(0, stopAt + 1) : allLevels;
  const [selected, setSelected] = useState<string[]>([]);
  const [choices, setChoices] = useState<JurisdictionOption[][]>([]);
  const load = ctx.loadJurisdictions;

  // Preselect the chain of a stored value (its path gives the parents).
  useEffect(() => {
    let cancelled = false;
    if (typeof value !== 'string' || !ctx.lookupJurisdiction) return;
    if (selected[selected.length - 1] === value) return;
    void ctx.lookupJurisdiction(value).then((unit) => {
      if (cancelled || !unit?.path) return;
      setSelected(unit.path.split('/').filter(Boolean));
    });
    return () => {
      cancelled = true;
    };
  }, [value]);

  useEffect(() => {
    let cancelled = false;
    if (!load) return;
    const parents: (string | null)[] = [null, ...selected].slice(0, levels.length);
    void Promise.all(parents.map((p, i) => (i === 0 || p ? load(p, structure) : Promise.resolve([])))).then((lists) => {
      if (!cancelled) setChoices(lists);
    });
    return () => {
      cancelled = true;
    };
  }, [load, structure, selected.join('/'), levels.length]);

  if (!load) {
    return (
      <input
        id={id}
        data-testid={id}
        className="form-control qt-jurisdiction"
        inputMode="numeric"
        value={typeof value === 'string' ? value : ''}
        required={required}
        disabled={disabled}
        readOnly={readonly}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      />
    );
  }

  const choose = (levelIndex: number, code: string) => {
    const next = [...selected.slice(0, levelIndex), ...(code ? [code] : [])];
    setSelected(next);
    onChange(next.length === levels.length ? next[next.length - 1] : undefined);
  };

  const unresolved = typeof value === 'string' && selected[selected.length - 1] !== value;
  return (
    <div className="qt-jurisdiction" data-testid={`${id}-picker`} role="group" aria-invalid={rawErrors && rawErrors.length > 0 ? true : undefined}>
      {unresolved && (
        <span className="qt-jurisdiction-current" data-testid={`${id}-current`}>
          {pick(locale, `Mã đang lưu: ${value}`, `Stored code: ${value}`)}
        </span>
      )}
      {levels.map((level, i) => {
        const selectId = i === levels.length - 1 ? id : `${id}__${level}`;
        const [vi, en] = LEVEL_LABEL[level];
        return (
          <div key={level} className="qt-jurisdiction-level">
            {i < levels.length - 1 && <label htmlFor={selectId}>{pick(locale, vi, en)}</label>}
            {i === levels.length - 1 && levels.length > 1 && (
              <span className="qt-jurisdiction-sublabel" aria-hidden="true">
                {pick(locale, vi, en)}
              </span>
            )}
            <select
              id={selectId}
              data-testid={selectId}
              className="form-control"
              value={selected[i] ?? ''}
              required={required && i === levels.length - 1}
              disabled={disabled || readonly || (i > 0 && !selected[i - 1])}
              aria-label={pick(locale, vi, en)}
              onChange={(e) => choose(i, e.target.value)}
            >
              <option value="">{pick(locale, '— Chọn —', '— Select —')}</option>
              {(choices[i] ?? []).map((o) => (
                <option key={o.code} value={o.code}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </div>
  );
}
