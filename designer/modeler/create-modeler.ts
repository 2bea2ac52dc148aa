import Modeler from 'bpmn-js/lib/Modeler';
import lintModule from 'bpmn-js-bpmnlint';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  ZeebePropertiesProviderModule,
} from 'bpmn-js-properties-panel';
import zeebeBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { translateModule, type DesignerLocale } from '../i18n/translate.module';
import { bpmnlintConfig } from '../lint/lint-config';
import { roundTripModule } from './features/round-trip.module';
import { taskPaletteModule } from './features/user-task-palette.module';

export interface CreateModelerOptions {
  /** Element the canvas renders into. */
  container: HTMLElement;
  /** Element the properties panel renders into. */
  propertiesParent: HTMLElement;
  locale: DesignerLocale;
}

/**
 * A bpmn-js Modeler for the Camunda 8 dialect: the properties panel with its Zeebe provider
 * (assignment, form, task schedule, task definition, io mappings, called element, messages,
 * timers, conditions…), Zeebe modelling behaviours, live bpmnlint with our rules, Vietnamese or
 * English labels.
 */
export function createModeler({ container, propertiesParent, locale }: CreateModelerOptions): Modeler {
  return new Modeler({
    container,
    propertiesPanel: { parent: propertiesParent },
    linting: { bpmnlint: bpmnlintConfig, active: true },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      ZeebePropertiesProviderModule,
      zeebeBehaviorsModule,
      lintModule,
      taskPaletteModule,
      roundTripModule,
      translateModule(locale),
    ],
    moddleExtensions: { zeebe: zeebeSchema },
  });
}
