// bpmnlint ships lib/types.d.ts but its package.json does not point at it, and its rules are
// CommonJS files without declarations. These are the parts we use.
declare module 'bpmnlint' {
  /**
   * A bpmn-moddle element as rules read it (bpmnlint itself types it `any`): `$type`,
   * `$instanceOf`, `$parent`, `get`, plus the element's properties.
   */
  export interface ModdleElement {
    $type: string;
    $parent?: ModdleElement;
    id?: string;
    $instanceOf(type: string): boolean;
    get(name: string): unknown;
    [key: string]: unknown;
  }

  export interface Reporter {
    report(id: string, message: string, path?: string[] | { path?: string[] }): void;
  }

  export type EnterFn = (element: ModdleElement, reporter: Reporter) => boolean | void;
  export type CheckDefinition = EnterFn | { enter?: EnterFn; leave?: EnterFn };

  export interface RuleDefinition {
    meta?: { documentation?: { url?: string } };
    check: CheckDefinition;
  }

  export type RuleFactory = (ruleOptions?: unknown) => RuleDefinition;
  export type RuleCategory = 'off' | 'warn' | 'error' | 'info' | 0 | 1 | 2 | 3;
  export type RuleConfig = RuleCategory | [RuleCategory, unknown?];

  export interface Config {
    extends?: string | string[];
    rules?: Record<string, RuleConfig>;
  }

  export interface Resolver {
    resolveRule(pkg: string, ruleName: string): RuleFactory | Promise<RuleFactory>;
    resolveConfig(pkg: string, configName: string): Config | Promise<Config>;
  }

  export interface Report {
    id?: string;
    message: string;
    path?: string[];
    category: 'warn' | 'error' | 'info' | 'rule-error';
  }

  export class Linter {
    constructor(options: { config?: Config; resolver: Resolver });
    lint(root: ModdleElement, config?: Config): Promise<Record<string, Report[]>>;
  }
}

// Every bundled rule module exports a rule factory (module.exports = function …).
declare module 'bpmnlint/rules/*' {
  const factory: import('bpmnlint').RuleFactory;
  export default factory;
}

declare module 'bpmnlint/config/*' {
  const config: import('bpmnlint').Config;
  export default config;
}
