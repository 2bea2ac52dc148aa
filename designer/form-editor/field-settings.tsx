import type { DesignerLocale } from '../i18n/translate.module';
import { uiText } from '../i18n/ui-messages';
import { kindSpec } from './field-kinds';
import type { FieldInfo } from './form-model';

export interface FieldSettingsProps {
  field: FieldInfo;
  /** Other fields a condition may test. */
  others: FieldInfo[];
  locale: DesignerLocale;
  onTitle(locale: 'vi' | 'en', title: string): void;
  onRequired(required: boolean): void;
  onOptions(options: string[]): void;
  onCondition(condition: FieldInfo['condition'] | null): void;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
}

/** The settings of one field: labels (vi/en), required, options, condition, order. */
export function FieldSettings({ field, others, locale, onTitle, onRequired, onOptions, onCondition, onMove, onRemove }: FieldSettingsProps) {
  const t = (key: Parameters<typeof uiText>[1]) => uiText(locale, key);
  return (
    <fieldset className="qt-field" data-field-key={field.key}>
      <legend>
        {kindSpec(field.kind).label[locale]} · <code>{field.key}</code>
      </legend>
      <label>
        {t('form.titleVi')}
        <input value={field.titleVi} onChange={(e) => onTitle('vi', e.target.value)} data-testid={`title-vi-${field.key}`} />
      </label>
      <label>
        {t('form.titleEn')}
        <input value={field.titleEn} onChange={(e) => onTitle('en', e.target.value)} />
      </label>
      <label>
        <input type="checkbox" checked={field.required} onChange={(e) => onRequired(e.target.checked)} data-testid={`required-${field.key}`} />{' '}
        {t('form.required')}
      </label>
      {field.options && (
        <label>
          {t('form.options')}
          <textarea value={field.options.join('\n')} rows={3} onChange={(e) => onOptions(e.target.value.split('\n'))} />
        </label>
      )}
      <label>
        {t('form.conditional')}{' '}
        <select
          value={field.condition?.field ?? ''}
          onChange={(e) => onCondition(e.target.value ? { field: e.target.value, equals: field.condition?.equals ?? '' } : null)}
        >
          <option value="">—</option>
          {others.map((other) => (
            <option key={other.key} value={other.key}>
              {other.titleVi || other.key}
            </option>
          ))}
        </select>{' '}
        {field.condition && (
          <>
            {t('form.conditionValue')}{' '}
            <input value={field.condition.equals} onChange={(e) => onCondition({ field: field.condition!.field, equals: e.target.value })} />
          </>
        )}
      </label>
      <div>
        <button type="button" onClick={() => onMove(-1)}>
          {t('form.up')}
        </button>{' '}
        <button type="button" onClick={() => onMove(1)}>
          {t('form.down')}
        </button>{' '}
        <button type="button" onClick={onRemove}>
          {t('form.remove')}
        </button>
      </div>
    </fieldset>
  );
}
