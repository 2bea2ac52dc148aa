import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskQuery } from '../../../engine/index';
import { chain, end, process, start, userTask } from '../support/bpmn';
import { engineFixture, type EngineFixture } from '../support/engine-fixture';

const offered = userTask('review', `<zeebe:assignmentDefinition candidateGroups="=&quot;police:&quot; + communeCode"/>
<zeebe:priorityDefinition priority="=rank"/>`);

describe('task list queries (page by ids, capped count)', () => {
  let f: EngineFixture;
  const communes = ['101', '101', '102', '101', '101'];

  beforeAll(async () => {
    f = await engineFixture('2026-03-02T09:00:00+07:00');
    await f.engine.deploy({ xml: process('q', [start(), offered, end(), chain(['start', 'review', 'end'])].join('\n')) });
    for (const [i, communeCode] of communes.entries()) {
      await f.engine.startInstance({ definitionKey: 'q', variables: { communeCode, rank: (i * 37) % 5 }, businessKey: `K${i}`, scope: `/9/${communeCode}/` });
      f.clock.advance(60_000);
    }
  });
  afterAll(async () => { await f.t.destroy(); });

  const police101: TaskQuery = { filter: (qb) => qb.where(sql<boolean>`task.candidate_groups && ARRAY['police:101']::text[]`) };

  it('should page in the requested order with the filter applied before the page', async () => {
    // given 4 open tasks for police:101 (instances 0, 1, 3, 4) and 1 for police:102
    // when
    const all = await f.engine.listTasks({ state: 'created', ...police101 });
    const second = await f.engine.listTasks({ state: 'created', limit: 2, offset: 2, ...police101 });
    const byPriority = await f.engine.listTasks({ state: 'created', orderBy: 'priority', ...police101 });

    // then
    expect(all.items.map((t) => t.business_key)).toEqual(['K0', 'K1', 'K3', 'K4']);
    expect(all).toMatchObject({ total: 4, capped: false });
    expect(second.items.map((t) => t.business_key)).toEqual(['K3', 'K4']);
    expect(byPriority.items.map((t) => t.priority)).toEqual([...byPriority.items.map((t) => t.priority)].sort((a, b) => b - a));
    expect(byPriority.items.map((t) => t.business_key).sort()).toEqual(['K0', 'K1', 'K3', 'K4']);
  });

  it('should list the same page whether it walks the list-order index (many matches) or sorts them all (few)', async () => {
    // given 4 matching open tasks
    // when
    for (const orderBy of ['created_at', 'priority'] as const) {
      const sorted = await f.engine.listTasks({ state: 'created', orderBy, limit: 2, offset: 1, countLimit: 10, ...police101 });
      const walked = await f.engine.listTasks({ state: 'created', orderBy, limit: 2, offset: 1, countLimit: 10, denseAbove: 1, ...police101 });

      // then
      expect(walked.items.map((t) => t.id)).toEqual(sorted.items.map((t) => t.id));
      expect(walked.items).toHaveLength(2);
      expect(walked).toMatchObject({ total: 4, capped: false });
    }
  });

  it('should stop counting at countLimit and say the total is capped', async () => {
    // given 4 matching open tasks
    // when
    const capped = await f.engine.listTasks({ state: 'created', limit: 1, countLimit: 3, ...police101 });
    const exactAtLimit = await f.engine.listTasks({ state: 'created', limit: 1, countLimit: 4, ...police101 });

    // then
    expect(capped).toMatchObject({ total: 3, capped: true });
    expect(capped.items.map((t) => t.business_key)).toEqual(['K0']);
    expect(exactAtLimit).toMatchObject({ total: 4, capped: false });
  });

  it('should return an empty page and a zero total past the end or when nothing matches', async () => {
    // given the tasks above
    // when
    const past = await f.engine.listTasks({ state: 'created', offset: 10, countLimit: 100, ...police101 });
    const none = await f.engine.listTasks({ state: 'completed', countLimit: 100, ...police101 });

    // then
    expect(past).toMatchObject({ items: [], total: 4, capped: false });
    expect(none).toMatchObject({ items: [], total: 0, capped: false });
  });
});

describe('open-task candidate indexes (migration 0085)', () => {
  let f: EngineFixture;
  beforeAll(async () => {
    f = await engineFixture('2026-03-02T09:00:00+07:00');
    await f.engine.deploy({ xml: process('q', [start(), offered, end(), chain(['start', 'review', 'end'])].join('\n')) });
  });
  afterAll(async () => { await f.t.destroy(); });

  it('should keep GIN entries for open tasks only and still find completed tasks by candidate group', async () => {
    // given two police:101 tasks, one of them completed
    const ids: string[] = [];
    for (const key of ['A', 'B']) {
      const started = await f.engine.startInstance({ definitionKey: 'q', variables: { communeCode: '101', rank: 1 }, businessKey: key, scope: '/9/101/' });
      ids.push(started.taskIds[0]);
    }
    await f.engine.completeTask(ids[0]);

    // when
    const indexes = await sql<{ indexname: string; indexdef: string }>`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'task' AND indexdef LIKE '%gin%'`.execute(f.t.db);
    const completed = await f.engine.listTasks({ state: 'completed', ...police101Filter });
    const open = await f.engine.listTasks({ state: 'created', ...police101Filter });

    // then
    expect(indexes.rows.map((r) => r.indexname).sort()).toEqual(['task_open_groups_idx', 'task_open_users_idx']);
    expect(indexes.rows.every((r) => r.indexdef.includes("WHERE (state = 'created'::text)"))).toBe(true);
    expect(completed.items.map((t) => t.business_key)).toEqual(['A']);
    expect(open.items.map((t) => t.business_key)).toEqual(['B']);
  });
});

const police101Filter: TaskQuery = { filter: (qb) => qb.where(sql<boolean>`task.candidate_groups && ARRAY['police:101']::text[]`) };
