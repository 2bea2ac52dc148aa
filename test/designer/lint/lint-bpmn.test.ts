import { describe, expect, it } from 'vitest';
import { bpmnlintConfig, lintBpmn, quyTrinhRules } from '../../../designer';
import { definitions, FORM, GROUPS, userTask } from './models';

describe('lintBpmn', () => {
  it('should run bpmnlint recommended rules with Vietnamese messages', async () => {
    // given
    const xml = definitions('<bpmn:startEvent id="Start_1" />');
    // when
    const problems = await lintBpmn(xml);
    // then
    expect(problems).toContainEqual({ id: 'Start_1', message: 'Phần tử chưa được nối', category: 'error', rule: 'bpmnlint/no-disconnected' });
  });

  it('should keep English messages for locale en', async () => {
    const problems = await lintBpmn(definitions('<bpmn:startEvent id="Start_1" />'), { locale: 'en' });
    expect(problems).toContainEqual(expect.objectContaining({ message: 'Element is not connected' }));
  });

  it('should not warn about inclusive gateways (the engine runs them)', async () => {
    const problems = await lintBpmn(definitions('<bpmn:inclusiveGateway id="G" />'));
    expect(problems.filter((p) => p.rule === 'bpmnlint/no-inclusive-gateway')).toEqual([]);
  });

  it('should turn parser warnings into import errors', async () => {
    const xml = definitions(userTask(FORM + GROUPS, 'Dup') + userTask(FORM + GROUPS, 'Dup'));
    const problems = await lintBpmn(xml);
    expect(problems).toContainEqual(expect.objectContaining({ rule: 'import', category: 'error' }));
  });

  it('should refuse a DOCTYPE and unreadable XML', async () => {
    expect(await lintBpmn('<!DOCTYPE x [<!ENTITY a "b">]><x/>')).toEqual([expect.objectContaining({ rule: 'import' })]);
    expect(await lintBpmn('<bpmn:definitions')).toEqual([expect.objectContaining({ rule: 'import', category: 'error' })]);
  });

  it('should give bpmn-js-bpmnlint a { config, resolver } that resolves every configured rule', async () => {
    const { config, resolver } = bpmnlintConfig;
    const recommended = await resolver.resolveConfig('bpmnlint', 'recommended');
    for (const name of Object.keys(recommended.rules ?? {})) expect(typeof (await resolver.resolveRule('bpmnlint', name))).toBe('function');
    for (const name of Object.keys(quyTrinhRules)) {
      expect(config.rules?.[`quy-trinh/${name}`]).toBe('error');
      expect(await resolver.resolveRule('bpmnlint-plugin-quy-trinh', name)).toBe(quyTrinhRules[name]);
    }
  });
});

describe('lintBpmn limits', () => {
  it('should refuse a model over 2 MiB like the engine', async () => {
    const huge = definitions(`<!-- ${'x'.repeat(2 * 1024 * 1024)} -->`);
    expect(await lintBpmn(huge)).toEqual([expect.objectContaining({ rule: 'import', message: expect.stringContaining('2 MiB') })]);
  });
});
