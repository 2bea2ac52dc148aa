import type { FormDefinition } from '../../forms';

/** A form file as docs/conventions.md describes it (the forms module's FormDefinition). */
export type FormFile = FormDefinition;

/** A procedure with its forms in one JSON file (designer import/export). */
export interface DesignerBundle {
  format: 'quy-trinh.bundle';
  version: 1;
  bpmn: string;
  forms: FormFile[];
}

export function createBundle(bpmn: string, forms: FormFile[]): DesignerBundle {
  return { format: 'quy-trinh.bundle', version: 1, bpmn, forms };
}

/** Reads a bundle JSON; throws a readable error when it is not one. */
export function parseBundle(text: string): DesignerBundle {
  const value = JSON.parse(text) as Partial<DesignerBundle>;
  if (value.format !== 'quy-trinh.bundle' || typeof value.bpmn !== 'string' || !Array.isArray(value.forms)) {
    throw new Error('not a Quy Trình bundle (format "quy-trinh.bundle" with bpmn and forms)');
  }
  return { format: 'quy-trinh.bundle', version: 1, bpmn: value.bpmn, forms: value.forms };
}

/** Formats the form ids a model references (zeebe:formDefinition formId) but a bundle lacks. */
export function missingFormIds(bpmn: string, forms: FormFile[]): string[] {
  const known = new Set(forms.map((form) => form.id));
  const referenced = [...bpmn.matchAll(/formDefinition\b[^>]*\bformId="([^"]+)"/g)].map((m) => m[1]);
  return [...new Set(referenced)].filter((id) => !known.has(id));
}

/** Offers a text as a file download in the browser. */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
