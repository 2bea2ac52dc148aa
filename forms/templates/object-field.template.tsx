import { getDefaultRegistry } from '@rjsf/core';
import type { FieldProps, ObjectFieldTemplateProps } from '@rjsf/utils';
import { SignatureField, SummarySectionField } from '../widgets/signature.field';

const defaults = getDefaultRegistry();
const DefaultObjectFieldTemplate = defaults.templates.ObjectFieldTemplate;
const DefaultObjectField = defaults.fields.ObjectField;

/**
 * Objects inside a repeatable table lay their fields out as the row's cells (same grid as the header);
 * every other object uses RJSF's fieldset.
 */
export function QuyTrinhObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const path = props.fieldPathId.path;
  if (typeof path[path.length - 1] !== 'number') return <DefaultObjectFieldTemplate {...props} />;
  const visible = props.properties.filter((p) => !p.hidden);
  return (
    <div id={props.fieldPathId.$id} className="qt-array-item-fields" style={{ display: 'grid', gridTemplateColumns: `repeat(${visible.length}, 1fr)`, gap: '0.5em' }}>
      {visible.map((p) => (
        <div key={p.name} className="qt-array-item-cell">
          {p.content}
        </div>
      ))}
    </div>
  );
}

/**
 * ObjectField that honours `ui:widget: "signature"` (approval block) and `ui:widget: "summary"` /
 * schema `x-readonly-summary` (read-only section) on object schemas, where RJSF itself ignores widgets.
 */
export function QuyTrinhObjectField(props: FieldProps) {
  const widget = (props.uiSchema as Record<string, unknown> | undefined)?.['ui:widget'];
  if (widget === 'signature') return <SignatureField {...props} />;
  if (widget === 'summary' || (props.schema as Record<string, unknown>)['x-readonly-summary']) return <SummarySectionField {...props} />;
  return <DefaultObjectField {...props} />;
}
