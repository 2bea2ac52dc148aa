import { getTemplate, getUiOptions, buttonId, type ArrayFieldItemTemplateProps, type ArrayFieldTemplateProps } from '@rjsf/utils';
import { contextOf, pick } from '../widgets/form-context';

type ItemSchema = { type?: unknown; properties?: Record<string, { title?: string }> };

function itemColumns(schema: ArrayFieldTemplateProps['schema'], uiSchema: ArrayFieldTemplateProps['uiSchema']): [string, string][] | undefined {
  const items = schema.items as ItemSchema | undefined;
  if (!items || typeof items !== 'object' || Array.isArray(items) || !items.properties) return undefined;
  const order = (uiSchema?.items as { 'ui:order'?: string[] } | undefined)?.['ui:order'];
  const keys = Object.keys(items.properties);
  const ordered = order ? [...order.filter((k) => keys.includes(k)), ...keys.filter((k) => !order.includes(k))] : keys;
  return ordered.map((k) => [k, items.properties?.[k]?.title ?? k]);
}

/**
 * Arrays of objects render as a repeatable table (one row per item, a header of the item's field
 * titles, ARIA table roles, row number, add/remove/move buttons); other arrays render as a list.
 * Stable hooks: `<id>` on the container, `data-testid="<id>-row-<n>"` per row, `<id>-add`.
 */
export function ArrayTableTemplate(props: ArrayFieldTemplateProps) {
  const { canAdd, className, disabled, fieldPathId, uiSchema, items, onAddClick, readonly, registry, required, schema, title, optionalDataControl } = props;
  const uiOptions = getUiOptions(uiSchema);
  const locale = contextOf(registry).locale;
  const TitleTemplate = getTemplate('ArrayFieldTitleTemplate', registry, uiOptions);
  const DescriptionTemplate = getTemplate('ArrayFieldDescriptionTemplate', registry, uiOptions);
  const { AddButton } = registry.templates.ButtonTemplates;
  const columns = itemColumns(schema, uiSchema);
  const id = fieldPathId.$id;
  return (
    <fieldset className={`${className ?? ''} qt-array${columns ? ' qt-array-table' : ''}`} id={id} data-testid={id}>
      <TitleTemplate fieldPathId={fieldPathId} title={uiOptions.title || title} required={required} schema={schema} uiSchema={uiSchema} registry={registry} optionalDataControl={optionalDataControl} />
      <DescriptionTemplate fieldPathId={fieldPathId} description={uiOptions.description || schema.description} schema={schema} uiSchema={uiSchema} registry={registry} />
      <div role={columns ? 'table' : 'list'} aria-labelledby={`${id}__title`} className="qt-array-body">
        {columns && (
          <div role="row" className="qt-array-header" style={{ display: 'grid', gridTemplateColumns: '3em 1fr auto' }}>
            <span role="columnheader">{pick(locale, 'STT', 'No.')}</span>
            <div style={{ display: 'grid', gridTemplateColumns: `repeat(${columns.length}, 1fr)` }}>
              {columns.map(([key, label]) => (
                <span role="columnheader" key={key}>
                  {label}
                </span>
              ))}
            </div>
            <span role="columnheader" aria-label={pick(locale, 'Thao tác', 'Actions')} />
          </div>
        )}
        {items}
        {items.length === 0 && (
          <div role={columns ? 'row' : 'listitem'} className="qt-array-empty" data-testid={`${id}-empty`}>
            {pick(locale, 'Chưa có dòng nào', 'No rows yet')}
          </div>
        )}
      </div>
      {canAdd && (
        <AddButton
          id={buttonId(fieldPathId, 'add')}
          data-testid={`${id}-add`}
          className="rjsf-array-item-add"
          onClick={onAddClick}
          disabled={disabled || readonly}
          uiSchema={uiSchema}
          registry={registry}
        />
      )}
    </fieldset>
  );
}

/** One row of a repeatable table: number, the item's fields, its buttons. */
export function ArrayTableItemTemplate(props: ArrayFieldItemTemplateProps) {
  const { children, className, buttonsProps, hasToolbar, index, registry, uiSchema, parentUiSchema } = props;
  const uiOptions = getUiOptions(uiSchema);
  const ButtonsTemplate = getTemplate('ArrayFieldItemButtonsTemplate', registry, uiOptions);
  const parentId = buttonsProps.fieldPathId.$id.replace(/_\d+$/, '');
  void parentUiSchema;
  return (
    <div role="row" className={`${className} qt-array-row`} data-testid={`${parentId}-row-${index}`} style={{ display: 'grid', gridTemplateColumns: '3em 1fr auto', alignItems: 'start' }}>
      <span role="cell" className="qt-array-index">
        {index + 1}
      </span>
      <div role="cell" className="qt-array-cells">
        {children}
      </div>
      {hasToolbar && (
        <div role="cell" className="qt-array-buttons">
          <ButtonsTemplate {...buttonsProps} />
        </div>
      )}
    </div>
  );
}
