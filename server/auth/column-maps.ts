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
} satisfies Record<string, ColumnMap>;
