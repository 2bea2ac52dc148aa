// Minimal typing of bpmn-moddle's default export (the package ships element types only).
declare module 'bpmn-moddle' {
  interface ImportWarning {
    message: string;
    element?: unknown;
    property?: string;
    error?: unknown;
  }
  interface ImportResult {
    rootElement: unknown;
    warnings: ImportWarning[];
    elementsById: Record<string, unknown>;
  }
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<ImportResult>;
  }
}
