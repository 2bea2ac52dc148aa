import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { deadlineById, deadlines, jobTypes, loadForms, loadProcedureXml, messageNames, procedures } from '../../workflows/index';
import { generatedFiles } from '../../workflows/authoring/build';
import { type El, extension, feelErrors, feelExpressions, flowElements, parseBpmn } from './bpmn-helpers';

const root = new URL('../../workflows/', import.meta.url);
const existing = new Set(readdirSync(new URL('procedures/', root)));
/** Procedures whose file exists (the list test below fails until all are shipped). */
const shipped = procedures.filter((p) => existing.has(p.file));
const parsed = new Map<string, { definitions: El; warnings: unknown[]; xml: string }>();

beforeAll(async () => {
  for (const p of shipped) {
    const xml = loadProcedureXml(p.key);
    parsed.set(p.key, { ...(await parseBpmn(xml)), xml });
  }
});

const processOf = (key: string): El => parsed.get(key)!.definitions.rootElements.find((r: El) => r.$type === 'bpmn:Process');
const all = (key: string): El[] => flowElements(processOf(key));
const formIds = new Set(loadForms().map((f) => f.id));
const isGateway = (e: El) => /Gateway$/.test(e.$type);

describe('workflows/procedures', () => {
  it('should ship exactly the listed procedures', () => {
    // given / when
    const files = readdirSync(new URL('procedures/', root)).filter((f) => f.endsWith('.bpmn')).sort();
    // then
    expect(files).toEqual(procedures.map((p) => p.file).sort());
  });

  it('should be in sync with the authoring specs', () => {
    for (const [path, content] of generatedFiles()) {
      expect(readFileSync(new URL(path, root), 'utf8'), path).toBe(content);
    }
  });

  describe.each(shipped.map((p) => [p.key]))('%s', (key) => {
    it('should parse with zero warnings, no DOCTYPE, in the Camunda 8 dialect', () => {
      const { warnings, xml, definitions } = parsed.get(key)!;
      expect(warnings).toEqual([]);
      expect(xml).not.toMatch(/<!DOCTYPE/i);
      expect(xml).toContain('xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"');
      expect(definitions.$attrs['modeler:executionPlatform']).toBe('Camunda Cloud');
      expect(processOf(key).id).toBe(key);
    });

    it('should have DI for every flow element', () => {
      const plane = parsed.get(key)!.definitions.diagrams[0].plane;
      const drawn = new Set(plane.planeElement.map((d: El) => d.bpmnElement?.id));
      for (const e of all(key)) expect(drawn.has(e.id), `${e.id} has no DI`).toBe(true);
      for (const d of plane.planeElement) expect(d.bpmnElement, `${d.id} references nothing`).toBeTruthy();
    });

    it('should give every user task a shipped form, candidate groups and a due date', () => {
      const tasks = all(key).filter((e) => e.$type === 'bpmn:UserTask');
      expect(tasks.length).toBeGreaterThan(0);
      for (const t of tasks) {
        expect(formIds.has(extension(t, 'zeebe:FormDefinition')?.formId), `${t.id} form`).toBe(true);
        expect(extension(t, 'zeebe:AssignmentDefinition')?.candidateGroups, `${t.id} groups`).toMatch(/^=/);
        expect(extension(t, 'zeebe:TaskSchedule')?.dueDate, `${t.id} due`).toMatch(/^=/);
      }
    });

    it('should give every diverging gateway flow a condition or the default role', () => {
      for (const g of all(key).filter(isGateway)) {
        if (g.outgoing.length < 2) continue;
        for (const f of g.outgoing) {
          if (g.$type === 'bpmn:ParallelGateway' || g.$type === 'bpmn:EventBasedGateway') {
            expect(f.conditionExpression, `${f.id}`).toBeUndefined();
          } else {
            expect(Boolean(f.conditionExpression) || g.default === f, `${f.id} needs a condition or default`).toBe(true);
          }
        }
      }
    });

    it('should only contain FEEL that parses', () => {
      const exprs = all(key).flatMap(feelExpressions);
      expect(exprs.length).toBeGreaterThan(0);
      for (const { where, expr } of exprs) expect(feelErrors(expr), `${where}: ${expr}`).toEqual([]);
    });

    it('should use only catalogued job types and messages with a personId correlation key', () => {
      for (const e of all(key)) {
        const type = extension(e, 'zeebe:TaskDefinition')?.type;
        if (type) expect(Object.keys(jobTypes), `${e.id}`).toContain(type);
        if (['bpmn:ServiceTask', 'bpmn:SendTask'].includes(e.$type)) expect(type, `${e.id} job type`).toBeTruthy();
      }
      for (const m of parsed.get(key)!.definitions.rootElements.filter((r: El) => r.$type === 'bpmn:Message')) {
        expect(Object.keys(messageNames)).toContain(m.name);
        expect(extension(m, 'zeebe:Subscription')?.correlationKey).toBe('=personId');
      }
    });

    it('should reference catalogued deadlines, and the catalogue its elements', () => {
      const ids = new Set(all(key).map((e) => e.id));
      for (const e of all(key)) {
        const props = extension(e, 'zeebe:Properties')?.properties ?? [];
        for (const p of props.filter((x: El) => x.name === 'deadline')) expect(deadlineById.has(p.value), `${e.id} ${p.value}`).toBe(true);
      }
      for (const d of deadlines) {
        for (const u of d.usedBy.filter((x) => x.procedure === key)) {
          for (const id of u.elements) expect(ids.has(id), `${d.id} names ${id}`).toBe(true);
        }
      }
    });

    it('should call only shipped processes', () => {
      for (const e of all(key).filter((x) => x.$type === 'bpmn:CallActivity')) {
        expect(procedures.map((p) => p.key)).toContain(extension(e, 'zeebe:CalledElement')?.processId);
      }
    });
  });

  it('should start every procedure-started message from the process that catches it', () => {
    for (const [name, m] of Object.entries(messageNames)) {
      if (!m.startsProcess || !parsed.has(m.startsProcess)) continue;
      const starts = all(m.startsProcess).filter((e) => e.$type === 'bpmn:StartEvent' && e.eventDefinitions?.[0]?.messageRef?.name === name);
      expect(starts.length, `${name} starts ${m.startsProcess}`).toBe(1);
    }
  });

  it('should use every catalogued job type and message, published where the catalogue says', () => {
    const usedJobs = new Set<string>();
    const thrown = new Map<string, Set<string>>();
    const caught = new Set<string>();
    for (const p of shipped) {
      for (const e of all(p.key)) {
        const type = extension(e, 'zeebe:TaskDefinition')?.type;
        if (type) usedJobs.add(type);
        const name = e.eventDefinitions?.find((d: El) => d.$type === 'bpmn:MessageEventDefinition')?.messageRef?.name ?? e.messageRef?.name;
        if (!name) continue;
        if (['bpmn:IntermediateThrowEvent', 'bpmn:EndEvent'].includes(e.$type)) {
          thrown.set(name, new Set([...(thrown.get(name) ?? []), p.key]));
        } else caught.add(name);
      }
    }
    expect([...usedJobs].sort()).toEqual(Object.keys(jobTypes).sort());
    for (const [name, m] of Object.entries(messageNames)) {
      const procs = m.publishedBy.filter((x) => x !== 'server');
      expect([...(thrown.get(name) ?? [])].sort(), name).toEqual(procs.sort());
      expect(caught.has(name) || thrown.has(name), name).toBe(true);
    }
  });
});

describe('workflows/procedures in the designer', () => {
  it('should pass the designer lint (bpmnlint + our rules) without errors', async () => {
    // given
    const { lintBpmn } = await import('../../designer/lint/lint-bpmn');
    for (const p of procedures) {
      // when
      const problems = await lintBpmn(loadProcedureXml(p.key));
      // then
      expect(problems.filter((x) => x.category === 'error'), p.key).toEqual([]);
    }
  });
});
