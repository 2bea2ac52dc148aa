// bpmn-js-properties-panel ships no TypeScript declarations. We only pass its modules to the
// bpmn-js Modeler (`additionalModules`), so they are typed as diagram-js module declarations.
declare module 'bpmn-js-properties-panel' {
  import type { ModuleDeclaration } from 'didi';

  export const BpmnPropertiesPanelModule: ModuleDeclaration;
  export const BpmnPropertiesProviderModule: ModuleDeclaration;
  export const ZeebePropertiesProviderModule: ModuleDeclaration;
  /** Help texts shown next to Zeebe entries (`propertiesPanel.tooltip`). */
  export const ZeebeTooltipProvider: Record<string, unknown>;
}
