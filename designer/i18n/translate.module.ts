import { viDiagram } from './vi-diagram';
import { viLint } from './vi-lint';
import { viProperties } from './vi-properties';

export type DesignerLocale = 'vi' | 'en';

/** Every Vietnamese string the diagram, context pad, properties panel and lint messages use. */
export const viTranslations: Record<string, string> = { ...viDiagram, ...viProperties, ...viLint };

const dictionaries: Record<DesignerLocale, Record<string, string>> = { vi: viTranslations, en: {} };

/** Case- and hyphen-insensitive form of a template ("User Task" = "User task", "Sub Process" = "Sub-process"). */
function normalize(template: string): string {
  return template.toLowerCase().replace(/[\s-]+/g, ' ').trim();
}

/**
 * A diagram-js `translate` function for a locale: looks the English template up in the
 * locale's dictionary (English is the identity) and fills `{placeholders}`. The properties
 * panel header spells types in Title Case ("Timer Boundary Event (Non Interrupting)"); those
 * find the sentence-case entry of the replace menu.
 */
export function createTranslate(locale: DesignerLocale) {
  const dictionary = dictionaries[locale];
  const normalized = new Map(Object.entries(dictionary).map(([key, value]) => [normalize(key), value]));
  return function translate(template: string, replacements: Record<string, unknown> = {}): string {
    const text = dictionary[template] ?? normalized.get(normalize(template)) ?? template;
    return text.replace(/{([^}]+)}/g, (match, key: string) => {
      const value = replacements[key];
      return value === undefined ? match : String(value);
    });
  };
}

/** diagram-js module overriding the core `translate` service. */
export function translateModule(locale: DesignerLocale) {
  return { translate: ['value', createTranslate(locale)] as ['value', unknown] };
}
