import { BpmnModdle } from 'bpmn-moddle';
import { Linter, type ModdleElement } from 'bpmnlint';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { createTranslate, type DesignerLocale } from '../i18n/translate.module';
import { lintConfig, lintResolver } from './lint-config';

export type ProblemCategory = 'error' | 'warn' | 'info';

/** One lint finding, tied to the BPMN element id it concerns. */
export interface Problem {
  /** Element id ('' for the whole model, e.g. an XML error). */
  id: string;
  message: string;
  category: ProblemCategory;
  /** `bpmnlint/<rule>`, `quy-trinh/<rule>` or `import` for parser warnings. */
  rule: string;
}

/** Largest model we accept, as the engine (2 MiB of UTF-8). */
const MAX_XML_BYTES = 2 * 1024 * 1024;

/**
 * Lints a BPMN XML string with the designer's rule set (the same the browser runs): parse with
 * bpmn-moddle + the Zeebe extension, then bpmnlint. Parser warnings (dropped elements, broken
 * references) are errors with rule `import`. Usable by the server before deploy and by tests.
 * bpmnlint's own messages are translated to `locale` (default vi); ours are Vietnamese.
 */
export async function lintBpmn(xml: string, options: { locale?: DesignerLocale } = {}): Promise<Problem[]> {
  const translate = createTranslate(options.locale ?? 'vi');
  if (new TextEncoder().encode(xml).length > MAX_XML_BYTES) return [fatal('Mô hình quá lớn (tối đa 2 MiB)')];
  if (/<!DOCTYPE/i.test(xml)) return [fatal('Mô hình không được chứa DOCTYPE')];
  const moddle = BpmnModdle({ zeebe: zeebeSchema });
  let root;
  let warnings;
  try {
    ({ rootElement: root, warnings } = await moddle.fromXML(xml, 'bpmn:Definitions'));
  } catch (e) {
    return [fatal(`Không đọc được BPMN XML: ${(e as Error).message}`)];
  }
  const problems: Problem[] = warnings.map((warning) => ({
    id: typeof warning.element?.id === 'string' ? warning.element.id : '',
    message: warning.message,
    // The encoding notice is harmless (the XML is read as UTF-8); every other warning drops data.
    category: /unsupported document encoding/.test(warning.message) ? 'warn' : 'error',
    rule: 'import',
  }));
  const linter = new Linter({ config: lintConfig, resolver: lintResolver });
  const results = await linter.lint(root as unknown as ModdleElement);
  for (const [rule, reports] of Object.entries(results)) {
    for (const report of reports) {
      problems.push({
        id: report.id ?? '',
        message: translate(report.message),
        category: report.category === 'rule-error' ? 'error' : report.category,
        rule: rule.includes('/') ? rule : `bpmnlint/${rule}`,
      });
    }
  }
  return problems;
}

function fatal(message: string): Problem {
  return { id: '', message, category: 'error', rule: 'import' };
}
