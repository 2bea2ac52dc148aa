import { LegacySubprocessDi } from './legacy-subprocess-di.behavior';
import { PreserveMarkerVisibility } from './preserve-marker-visibility.behavior';
import { PreserveUnrenderedDi } from './preserve-unrendered-di.behavior';

/** Import → export keeps every element and diagram shape of models from other tools. */
export const roundTripModule = {
  __init__: ['preserveUnrenderedDi', 'legacySubprocessDi', 'preserveMarkerVisibility'],
  preserveUnrenderedDi: ['type', PreserveUnrenderedDi] as ['type', unknown],
  legacySubprocessDi: ['type', LegacySubprocessDi] as ['type', unknown],
  preserveMarkerVisibility: ['type', PreserveMarkerVisibility] as ['type', unknown],
};
