import { viDiagram } from './vi-diagram';
import { viLint } from './vi-lint';
import { viProperties } from './vi-properties';

export type DesignerLocale = 'vi' | 'en';

/** Every Vietnamese string the diagram, context pad, properties panel and lint messages use. */
export const viTranslations: Record<string, string> = { ...viDiagram, ...viProperties, ...viLint };

const dictionaries: Record<DesignerLocale, Record<string, string>> = { vi: viTranslations, en: {} };

/**
 * A diagram-js `translate` function for a locale: looks the English template up in the
 * locale's dictionary (English is the identity) and fills `{placeholders}`.
 */
export function createTranslate(locale: DesignerLocale) {
  const dictionary = dictionaries[locale];
  return function translate(template: string, replacements: Record<string, unknown> = {}): string {
    const text = dictionary[template] ?? template;
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
