import type { WidgetProps } from '@rjsf/utils';
import { useEffect, useState } from 'react';
import { formatVnDate } from '../formats/vn-date.format';
import { contextOf, pick, type PersonOption } from './form-context';

function describe(p: PersonOption): string {
  return [p.fullName, p.dateOfBirth ? formatVnDate(p.dateOfBirth) : '', p.idNumber ?? ''].filter(Boolean).join(' — ');
}

/**
 * `person`: searches the person registry through `formContext.searchPersons(query)` (from 2
 * characters) and stores the chosen person's id. `formContext.getPerson(id)` shows a stored choice.
 */
export function PersonWidget(props: WidgetProps) {
  const { id, value, required, disabled, readonly, onChange, registry, rawErrors } = props;
  const ctx = contextOf(registry);
  const locale = ctx.locale;
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<PersonOption[]>([]);
  const [chosen, setChosen] = useState<PersonOption | undefined>();

  useEffect(() => {
    let cancelled = false;
    if (typeof value !== 'string' || chosen?.id === value || !ctx.getPerson) return;
    void ctx.getPerson(value).then((p) => {
      if (!cancelled && p) setChosen(p);
    });
    return () => {
      cancelled = true;
    };
  }, [value]);

  useEffect(() => {
    let cancelled = false;
    const search = ctx.searchPersons;
    if (!search || query.trim().length < 2) {
      setResults([]);
      return;
    }
    const timer = setTimeout(() => {
      void search(query.trim()).then((list) => {
        if (!cancelled) setResults(list);
      });
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query, ctx.searchPersons]);

  const listId = `${id}__results`;
  return (
    <div className="qt-person" data-testid={`${id}-picker`}>
      {typeof value === 'string' && (
        <div className="qt-person-chosen" data-testid={`${id}-chosen`}>
          {chosen ? describe(chosen) : value}
          {!readonly && !disabled && (
            <button type="button" data-testid={`${id}-clear`} onClick={() => { setChosen(undefined); onChange(undefined); }}>
              {pick(locale, 'Bỏ chọn', 'Clear')}
            </button>
          )}
        </div>
      )}
      <input
        id={id}
        data-testid={id}
        className="form-control"
        type="search"
        role="combobox"
        aria-expanded={results.length > 0}
        aria-controls={listId}
        aria-invalid={rawErrors && rawErrors.length > 0 ? true : undefined}
        placeholder={pick(locale, 'Tìm theo họ tên, ngày sinh, số CCCD…', 'Search by name, date of birth, ID number…')}
        value={query}
        required={required && typeof value !== 'string'}
        disabled={disabled || readonly}
        onChange={(e) => setQuery(e.target.value)}
      />
      <ul id={listId} role="listbox" data-testid={listId} className="qt-person-results">
        {results.map((p) => (
          <li key={p.id} role="option" aria-selected={p.id === value}>
            <button
              type="button"
              data-testid={`${id}-option-${p.id}`}
              onClick={() => {
                setChosen(p);
                setQuery('');
                setResults([]);
                onChange(p.id);
              }}
            >
              {describe(p)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
