// bpmn-js-bpmnlint has no declarations: a diagram-js module that runs bpmnlint on every change
// and draws issue overlays. Configured through the Modeler option `linting`.
declare module 'bpmn-js-bpmnlint' {
  import type { ModuleDeclaration } from 'didi';

  const LintModule: ModuleDeclaration;
  export default LintModule;
}
