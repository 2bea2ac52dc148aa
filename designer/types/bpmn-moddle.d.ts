// bpmn-moddle 10 exports generated element types under 'bpmn-moddle/types' but no declaration
// for its runtime export, the named factory `BpmnModdle(packages)` (there is no default export).
// This is the subset the designer uses; names are prefixed so this declaration merges cleanly
// with other folders' shims of the same module.
declare module 'bpmn-moddle' {
  /** Any bpmn-moddle element: `$type`, `$parent`, descriptor access, and its properties. */
  export interface BpmnModdleElement {
    $type: string;
    $parent?: BpmnModdleElement;
    $attrs?: Record<string, string>;
    $descriptor: {
      ns: { prefix: string; localName: string; name: string };
      properties: BpmnModdleProperty[];
    };
    id?: string;
    $instanceOf(type: string): boolean;
    get(name: string): unknown;
    set(name: string, value: unknown): void;
    [key: string]: unknown;
  }

  export interface BpmnModdleProperty {
    name: string;
    ns: { prefix: string; localName: string; name: string };
    type: string;
    isMany?: boolean;
    isReference?: boolean;
    isAttr?: boolean;
    isBody?: boolean;
    isId?: boolean;
    isVirtual?: boolean;
  }

  export interface BpmnImportWarning {
    message: string;
    element?: BpmnModdleElement;
    property?: string;
    value?: unknown;
    error?: Error;
  }

  export interface BpmnFromXMLResult {
    rootElement: BpmnModdleElement;
    warnings: BpmnImportWarning[];
    elementsById: Record<string, BpmnModdleElement>;
    references: { element: BpmnModdleElement; property: string; id: string }[];
  }

  export interface BpmnModdleInstance {
    fromXML(xml: string, typeName?: string): Promise<BpmnFromXMLResult>;
    toXML(element: BpmnModdleElement, options?: { format?: boolean; preamble?: boolean }): Promise<{ xml: string }>;
    create(type: string, attrs?: Record<string, unknown>): BpmnModdleElement;
    getElementDescriptor(element: BpmnModdleElement): BpmnModdleElement['$descriptor'];
  }

  /** Creates a moddle for BPMN 2.0 plus the given extension packages (e.g. `{ zeebe }`). */
  export function BpmnModdle(packages?: Record<string, unknown>, options?: Record<string, unknown>): BpmnModdleInstance;
}
