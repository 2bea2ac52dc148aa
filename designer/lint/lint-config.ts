import type { Config, Resolver, RuleFactory } from 'bpmnlint';
import recommended from 'bpmnlint/config/recommended.js';
import { PLUGIN_PACKAGE, quyTrinhRules } from './quy-trinh-plugin';
import { recommendedRules } from './recommended-rules';

/**
 * The lint configuration: bpmnlint's recommended rules (inclusive gateways are supported by our
 * engine, so that warning is off) plus every rule of our plugin as an error.
 */
export const lintConfig: Config = {
  extends: 'bpmnlint:recommended',
  rules: {
    'no-inclusive-gateway': 'off',
    ...Object.fromEntries(Object.keys(quyTrinhRules).map((name) => [`quy-trinh/${name}`, 'error'])),
  },
};

/** Resolves rules and configs from the static maps above — what a compiled `.bpmnlintrc` does. */
export const lintResolver: Resolver = {
  resolveRule(pkg: string, ruleName: string): RuleFactory {
    const rule = pkg === 'bpmnlint' ? recommendedRules[ruleName] : pkg === PLUGIN_PACKAGE ? quyTrinhRules[ruleName] : undefined;
    if (!rule) throw new Error(`unknown lint rule <${pkg}/${ruleName}>`);
    return rule;
  },
  resolveConfig(pkg: string, configName: string): Config {
    if (pkg === 'bpmnlint' && configName === 'recommended') return recommended;
    throw new Error(`unknown lint config <${pkg}/${configName}>`);
  },
};

/** The `{ config, resolver }` object bpmn-js-bpmnlint expects as `linting.bpmnlint`. */
export const bpmnlintConfig = { config: lintConfig, resolver: lintResolver };
