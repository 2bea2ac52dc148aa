// camunda-bpmn-js-behaviors has no declarations; the Camunda 8 (cloud) behaviour module keeps
// zeebe extension elements consistent while editing (e.g. removes a form link with its task).
declare module 'camunda-bpmn-js-behaviors/lib/camunda-cloud' {
  import type { ModuleDeclaration } from 'didi';

  const ZeebeBehaviorsModule: ModuleDeclaration;
  export default ZeebeBehaviorsModule;
}
