import type { ColumnMap } from './casl-sql';

/** Where each CASL condition field lives in SQL, per subject (aliases used by the repositories). */
export const columnMaps = {
  Person: { id: { column: 'p.id' }, scope: { column: 'p.scope' } },
  Case: { id: { column: 'c.id' }, scope: { column: 'c.scope' } },
  User: { id: { column: 'u.id' }, scope: { column: 'j.path' } },
  Agency: { id: { column: 'a.id' }, scope: { column: 'j.path' } },
  Jurisdiction: { id: { column: 'j.id' }, scope: { column: 'j.path' } },
  AuditLog: { id: { column: 'l.id' }, scope: { column: 'l.scope' } },
  Task: {
    id: { column: 't.id' },
    scope: { column: 't.scope' },
    assignee: { column: 't.assignee' },
    candidate_groups: { column: 't.candidate_groups', array: true },
    candidate_users: { column: 't.candidate_users', array: true },
  },
  Instance: { id: { column: 'i.id' }, scope: { column: 'i.scope' } },
  History: { id: { column: 'i.id' }, scope: { column: 'i.scope' } },
  Variant: { id: { column: 'v.id' }, scope: { column: 'v.scope' } },
  /** The engine's own queries select from unaliased tables. */
  EngineTask: {
    id: { column: 'task.id' },
    scope: { column: 'task.scope' },
    assignee: { column: 'task.assignee' },
    candidate_groups: { column: 'task.candidate_groups', array: true },
    candidate_users: { column: 'task.candidate_users', array: true },
  },
  EngineInstance: { id: { column: 'process_instance.id' }, scope: { column: 'process_instance.scope' } },
} satisfies Record<string, ColumnMap>;
