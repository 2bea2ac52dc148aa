// Public API of the designer module (DESIGN.md §2). The React components are lazy (bpmn-js,
// the properties panel and RJSF load on first render, inside a <Suspense>), so importing this
// barrel is cheap and Node-safe: the server and tests use lintBpmn / diffModels / rebase from it.
import { lazy } from 'react';

export const BpmnDesigner = lazy(() => import('./modeler/bpmn-designer').then((m) => ({ default: m.BpmnDesigner })));
export type { BpmnDesignerProps } from './modeler/bpmn-designer';
export const FormEditor = lazy(() => import('./form-editor/form-editor').then((m) => ({ default: m.FormEditor })));
export type { FormEditorProps } from './form-editor/form-editor';
export const VariantDiff = lazy(() => import('./variants/variant-diff').then((m) => ({ default: m.VariantDiff })));
export type { VariantDiffProps } from './variants/variant-diff';
export const RebasePreview = lazy(() => import('./variants/rebase-preview').then((m) => ({ default: m.RebasePreview })));
export type { RebasePreviewProps } from './variants/rebase-preview';

export { FIELD_KINDS, type FieldKind } from './form-editor/field-kinds';
export { emptyForm, listFields, addField, setTitle, setRequired, setOptions, setCondition, removeField, moveField, type FieldInfo } from './form-editor/form-model';

export { emptyDiagram } from './modeler/empty-diagram';
export { createBundle, parseBundle, missingFormIds, type DesignerBundle, type FormFile } from './modeler/bundle';
export { lintBpmn, type Problem, type ProblemCategory } from './lint/lint-bpmn';
export { bpmnlintConfig, lintConfig, lintResolver } from './lint/lint-config';
export { quyTrinhRules } from './lint/quy-trinh-plugin';
export { viTranslations, createTranslate, translateModule, type DesignerLocale } from './i18n/translate.module';
export { uiMessages, uiText } from './i18n/ui-messages';
export { diffModels, type ModelDiff, type ElementChange, type PropertyChange } from './variants/diff-models';
export { extractOverrides, rebase, type VariantOverrides, type RebaseConflict, type RebaseResult, type ConflictKind } from './variants/rebase';
