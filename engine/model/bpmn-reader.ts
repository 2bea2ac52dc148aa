import { BpmnModdle } from 'bpmn-moddle';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import type { DeployProblem } from '../errors';

/** A moddle element as bpmn-moddle returns it (dynamic shape; typed loosely on purpose). */
export interface ModdleElement {
  $type: string;
  id?: string;
  name?: string;
  $parent?: ModdleElement;
  [key: string]: unknown;
}

export interface ReadResult {
  definitions: ModdleElement | null;
  problems: DeployProblem[];
}

export const MAX_MODEL_BYTES = 2 * 1024 * 1024;

/**
 * Reads BPMN XML safely: refuses oversized input and any DOCTYPE (no XXE, no entity expansion)
 * before the parser sees it; every bpmn-moddle import warning becomes a problem.
 */
export async function readBpmn(xml: string): Promise<ReadResult> {
  if (Buffer.byteLength(xml, 'utf8') > MAX_MODEL_BYTES) {
    return { definitions: null, problems: [{ elementId: null, message: `model larger than ${MAX_MODEL_BYTES} bytes` }] };
  }
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) {
    return { definitions: null, problems: [{ elementId: null, message: 'DOCTYPE / ENTITY declarations are not allowed' }] };
  }
  const moddle = new BpmnModdle({ zeebe: zeebeModdle });
  try {
    const result = await moddle.fromXML(xml, 'bpmn:Definitions');
    const problems: DeployProblem[] = result.warnings.map((warning) => ({
      elementId: warningElementId(warning),
      message: `import warning: ${warning.message}`,
    }));
    return { definitions: result.rootElement as unknown as ModdleElement, problems };
  } catch (error) {
    return { definitions: null, problems: [{ elementId: null, message: `unparsable XML: ${(error as Error).message}` }] };
  }
}

function warningElementId(warning: { element?: unknown }): string | null {
  const element = warning.element as { id?: unknown } | undefined;
  return typeof element?.id === 'string' ? element.id : null;
}
