import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineError, type DeployProblem } from '../../engine/index';
import { chain, definitions, end, flow, process, start, userTask } from './support/bpmn';
import { engineFixture, type EngineFixture } from './support/engine-fixture';

async function problemsOf(f: EngineFixture, xml: string, formExists?: (id: string) => Promise<boolean>): Promise<DeployProblem[]> {
  try {
    await f.engine.deploy({ xml, formExists });
  } catch (error) {
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe('DEPLOY_INVALID');
    return (error as EngineError).details.problems as DeployProblem[];
  }
  throw new Error('deploy did not reject');
}

const simple = process('simple', [start(), userTask('a'), end(), chain(['start', 'a', 'end'])].join('\n'));

describe('deploy', () => {
  let f: EngineFixture;
  beforeAll(async () => { f = await engineFixture(); });
  afterAll(async () => { await f.t.destroy(); });

  it('should store an immutable version and be idempotent for the same checksum', async () => {
    // given / when
    const [first] = await f.engine.deploy({ xml: simple, deployedBy: 'admin' });
    const [again] = await f.engine.deploy({ xml: simple, deployedBy: 'admin' });
    const [changed] = await f.engine.deploy({ xml: simple.replace('name="a"', 'name="A2"') });
    // then
    expect(first).toMatchObject({ key: 'simple', version: 1, created: true });
    expect(again).toEqual({ ...first, created: false });
    expect(changed).toMatchObject({ key: 'simple', version: 2, created: true });
    const defs = await f.engine.listDefinitions({ key: 'simple' });
    expect(defs.items.map((d) => d.version)).toEqual([2, 1]);
    expect(defs.items[1]).toMatchObject({ deployed_by: 'admin', jurisdiction_code: null, parent_definition_id: null });
  });

  it('should refuse DOCTYPE / entities (XXE) before parsing', async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${simple.replace(/^<\?xml[^>]*>/, '')}`;
    const problems = await problemsOf(f, xml);
    expect(problems[0].message).toMatch(/DOCTYPE/);
  });

  it('should refuse oversized models', async () => {
    const problems = await problemsOf(f, simple + ' '.repeat(3 * 1024 * 1024));
    expect(problems[0].message).toMatch(/larger than/);
  });

  it('should report moddle import warnings (duplicate ids) as problems', async () => {
    const xml = process('dup', [start(), userTask('a'), userTask('a'), end(), chain(['start', 'a', 'end'])].join('\n'));
    const problems = await problemsOf(f, xml);
    expect(problems.some((p) => /import warning/.test(p.message))).toBe(true);
  });

  it('should list every rejection kind with element ids', async () => {
    // given: unsupported element, unknown form, FEEL syntax error, gateway flow without condition, unreachable and dead end
    const xml = process('bad', [
      start(), userTask('a', '<zeebe:formDefinition formId="missing.form"/>'),
      '<bpmn:complexGateway id="cx"/>',
      '<bpmn:exclusiveGateway id="x"/>', userTask('b'), userTask('c'), end(),
      userTask('orphan'), userTask('dead'),
      chain(['start', 'a', 'x']), flow('fb', 'x', 'b', '=amount >'), flow('fc', 'x', 'c'),
      flow('fbe', 'b', 'end'), flow('fce', 'c', 'end'), flow('fo', 'orphan', 'end'), flow('fd', 'a', 'dead'),
      flow('fcx', 'a', 'cx'), flow('fcx2', 'cx', 'end'),
    ].join('\n'));
    // when
    const problems = await problemsOf(f, xml, async (id) => id !== 'missing.form');
    // then
    const byElement = (id: string) => problems.filter((p) => p.elementId === id).map((p) => p.message).join(' | ');
    expect(byElement('cx')).toMatch(/unsupported element bpmn:ComplexGateway/);
    expect(byElement('a')).toMatch(/unknown form missing.form/);
    expect(byElement('fb')).toMatch(/FEEL syntax error/);
    expect(byElement('fc')).toMatch(/no condition and is not the default/);
    expect(byElement('orphan')).toMatch(/unreachable/);
    expect(byElement('dead')).toMatch(/dead end/);
  });

  it('should reject message catch events without a correlation key and bad timers', async () => {
    const xml = definitions(`<bpmn:message id="m" name="msg"/>
<bpmn:process id="ev" isExecutable="true">${start()}
<bpmn:intermediateCatchEvent id="wait"><bpmn:messageEventDefinition messageRef="m"/></bpmn:intermediateCatchEvent>
<bpmn:intermediateCatchEvent id="t"><bpmn:timerEventDefinition><bpmn:timeDuration>PXYZ</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
${end()}${chain(['start', 'wait', 't', 'end'])}</bpmn:process>`);
    const problems = await problemsOf(f, xml);
    expect(problems.find((p) => p.elementId === 'wait')?.message).toMatch(/correlationKey/);
    expect(problems.find((p) => p.elementId === 't')?.message).toMatch(/duration/);
  });

  it('should parse all 21 MIWG reference models and only ever reject with DEPLOY_INVALID', async () => {
    const folder = '/work/shared/conformance/miwg';
    const files = readdirSync(folder).filter((name) => name.endsWith('.bpmn'));
    expect(files).toHaveLength(21);
    for (const file of files) {
      const xml = readFileSync(`${folder}/${file}`, 'utf8');
      try {
        await f.engine.deploy({ xml });
      } catch (error) {
        expect(error, file).toBeInstanceOf(EngineError);
        expect((error as EngineError).code, file).toBe('DEPLOY_INVALID');
        const problems = (error as EngineError).details.problems as DeployProblem[];
        expect(problems.length, file).toBeGreaterThan(0);
        for (const problem of problems) expect(typeof problem.message).toBe('string');
      }
    }
  });
});
