// Public API of the designer module (DESIGN.md §2): React components for web/, pure functions
// for the server and tests. Import only from here.
export { BpmnDesigner, type BpmnDesignerProps } from './modeler/bpmn-designer';
export { ProblemsPanel } from './modeler/problems-panel';
export { emptyDiagram } from './modeler/empty-diagram';
export { createBundle, parseBundle, missingFormIds, type DesignerBundle, type FormFile } from './modeler/bundle';
export { lintBpmn, type Problem, type ProblemCategory } from './lint/lint-bpmn';
export { bpmnlintConfig, lintConfig, lintResolver } from './lint/lint-config';
export { quyTrinhRules } from './lint/quy-trinh-plugin';
export { viTranslations, createTranslate, translateModule, type DesignerLocale } from './i18n/translate.module';
export { uiMessages } from './i18n/ui-messages';
