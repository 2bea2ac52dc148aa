import { api } from './client';

/** Typed calls of the server's REST API (server/routes/*.ts). */

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  locale: string;
  roles: string[];
  agency: { id: string; code: string; name: string; kind: string } | null;
  jurisdiction: { id: string; code: string; name: string; path: string; level: string; structure: string } | null;
  candidateGroups: string[];
  totpEnabled: boolean;
}

export interface CaslRule {
  action: string | string[];
  subject: string | string[];
  inverted?: boolean;
  fields?: string | string[];
  conditions?: unknown;
}

export interface SessionInfo {
  user: SessionUser;
  rules: CaslRule[];
  csrfToken: string;
}

export interface ListPage<T> {
  items: T[];
  total: number;
  /** the server stopped counting at `total` (task lists count at most 1 000): show it as "1.000+" */
  totalCapped?: boolean;
}

export const sessionApi = {
  get: (signal?: AbortSignal) => api<SessionInfo>('GET', '/api/session', { signal }),
  login: (body: { username: string; password: string; totp?: string }) => api<SessionInfo>('POST', '/api/session/login', { body }),
  logout: () => api<void>('POST', '/api/session/logout'),
  logoutAll: () => api<{ sessionsEnded: number }>('POST', '/api/session/logout-all'),
  changePassword: (body: { currentPassword: string; newPassword: string }) => api<void>('POST', '/api/session/password', { body }),
};

// ---- tasks ---------------------------------------------------------------------------------

export interface TaskItem {
  id: string;
  instance_id: string;
  definition_id: string;
  definition_key: string;
  element_id: string;
  name: string | null;
  form_key: string | null;
  assignee: string | null;
  assignee_name?: string | null;
  candidate_groups: string[];
  due_at: string | null;
  created_at: string;
  state: string;
  business_key: string | null;
  scope: string | null;
  /** Enriched by the server when known. */
  working_days_left?: number | null;
  person_name?: string | null;
  person_id?: string | null;
  case_code?: string | null;
  commune_name?: string | null;
  procedure_name?: string | null;
  actions?: string[];
}

/** Query of GET /api/tasks (server/routes/task.routes.ts); the server rejects unknown parameters. */
export interface TaskListQuery {
  view?: 'mine' | 'groups' | 'all';
  state?: 'created' | 'completed' | 'cancelled';
  dueWithinHours?: number;
  overdue?: boolean;
  definitionKey?: string;
  personId?: string;
  caseId?: string;
  instanceId?: string;
  communeCode?: string;
  q?: string;
  sort?: 'created_at' | 'due_at' | 'priority';
  limit?: number;
  offset?: number;
}

export type TaskList = ListPage<TaskItem>;

export interface StoredFormDto {
  id: string;
  version: number;
  title: { vi: string; en: string };
  mau?: string | null;
  schema: Record<string, unknown>;
  uiSchema?: Record<string, unknown>;
  translations?: Record<string, unknown>;
}

export interface TaskView {
  task: TaskItem;
  form: StoredFormDto | null;
  data: Record<string, unknown>;
  draft: { updatedAt: string; updatedBy: string } | null;
  variables: Record<string, unknown>;
  actions: string[];
  /** People who can act on the task (only those the caller may see). */
  candidates?: CandidatePerson[];
  candidatesMore?: boolean;
}

export interface CandidatePerson {
  id: string;
  displayName: string;
  agencyName?: string | null;
  agencyCode?: string | null;
}

export const taskApi = {
  list: (query: TaskListQuery, signal?: AbortSignal) => api<TaskList>('GET', '/api/tasks', { query: { ...query }, signal }),
  get: (id: string, signal?: AbortSignal) => api<TaskView>('GET', `/api/tasks/${id}`, { signal }),
  claim: (id: string) => api<unknown>('POST', `/api/tasks/${id}/claim`),
  unclaim: (id: string) => api<unknown>('POST', `/api/tasks/${id}/unclaim`),
  saveDraft: (id: string, data: unknown) => api<unknown>('PUT', `/api/tasks/${id}/draft`, { body: { data } }),
  complete: (id: string, data: unknown) => api<unknown>('POST', `/api/tasks/${id}/complete`, { body: { data } }),
  candidates: (id: string, signal?: AbortSignal) => api<{ items: { id: string; displayName: string; agencyName?: string | null }[] }>('GET', `/api/tasks/${id}/candidates`, { signal }),
};

// ---- persons and cases ------------------------------------------------------------------------

export interface Person {
  id: string;
  full_name: string;
  other_names?: string[] | null;
  date_of_birth: string | null;
  sex: string | null;
  id_type?: string | null;
  id_number: string | null;
  commune_code: string;
  permanent_address?: string | null;
  status: string | null;
  statuses?: { status: string; from: string; to?: string }[];
  scope: string;
}

export interface TimelineEvent {
  at: string;
  kind?: string;
  type?: string;
  title?: string | { vi: string; en: string };
  detail?: unknown;
  actor?: string | null;
  actor_name?: string | null;
  agency?: string | null;
  [key: string]: unknown;
}

export interface CaseRow {
  id: string;
  code: string;
  person_id: string;
  procedure_key: string;
  title: string;
  status: string;
  created_at: string;
  [key: string]: unknown;
}

export const personApi = {
  search: (query: { q?: string; idNumber?: string; limit?: number; offset?: number }, signal?: AbortSignal) =>
    api<ListPage<Person>>('GET', '/api/persons', { query, signal }),
  get: (id: string, signal?: AbortSignal) => api<Person>('GET', `/api/persons/${id}`, { signal }),
  timeline: (id: string, signal?: AbortSignal) => api<{ person: Person; events: TimelineEvent[] }>('GET', `/api/persons/${id}/timeline`, { signal }),
  cases: (personId: string, signal?: AbortSignal) => api<ListPage<CaseRow>>('GET', '/api/cases', { query: { personId }, signal }),
};

export const jurisdictionApi = {
  list: (query: { parentCode?: string; structure?: string; level?: string }, signal?: AbortSignal) =>
    api<{ items: { code: string; name: string; level: 'province' | 'district' | 'commune'; path: string }[] }>('GET', '/api/jurisdictions', { query, signal }),
  get: (code: string) => api<{ code: string; name: string; level: 'province' | 'district' | 'commune'; path: string }>('GET', `/api/jurisdictions/${code}`),
};

// ---- definitions, instances, operations -----------------------------------------------------------

/** BPMN XML of a deployed definition (text, or `{ xml }` JSON). */
export async function fetchDefinitionXml(definitionId: string, signal?: AbortSignal): Promise<string> {
  const response = await fetch(`/api/definitions/${encodeURIComponent(definitionId)}/xml`, { credentials: 'same-origin', signal });
  if (!response.ok) throw new Error(`definition xml ${response.status}`);
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    const body = (await response.json()) as { xml?: string; source_xml?: string; sourceXml?: string };
    return body.xml ?? body.source_xml ?? body.sourceXml ?? '';
  }
  return response.text();
}

export interface HistoryEntry {
  id?: string;
  type: string;
  element_id?: string | null;
  element_name?: string | null;
  element_type?: string | null;
  at?: string;
  created_at?: string;
  actor?: string | null;
  /** Added by the server: the actor's display name and agency. */
  actor_name?: string | null;
  actor_agency?: string | null;
  [key: string]: unknown;
}

export interface InstanceDetail {
  instance: { id: string; definition_id: string; definition_key: string; state: string; business_key: string | null; started_at?: string; scope?: string | null; [key: string]: unknown };
  history: HistoryEntry[];
  tasks?: TaskItem[];
  incidents?: { id: string; element_id: string | null; instance_id?: string | null; root_instance_id?: string | null; message?: string | null; state?: string }[];
  variables?: Record<string, unknown>;
}

export const instanceApi = {
  get: (id: string, signal?: AbortSignal) => api<InstanceDetail>('GET', `/api/instances/${id}`, { signal }),
  incidents: (signal?: AbortSignal) => api<ListPage<NonNullable<InstanceDetail['incidents']>[number]>>('GET', '/api/admin/incidents', { query: { state: 'open', limit: 200 }, signal }),
  cancel: (id: string) => api<unknown>('POST', `/api/instances/${id}/cancel`),
  start: (body: { definitionKey: string; variables: Record<string, unknown>; businessKey?: string }) => api<{ instanceId: string; definitionId: string }>('POST', '/api/instances', { body }),
};

// ---- designer: definitions, variants, migration (server/routes/definition.routes.ts, variant.routes.ts) ----

export interface DefinitionRow {
  id: string;
  key: string;
  version: number;
  name: string | null;
  deployed_at: string;
  deployed_by?: string | null;
  version_tag: string | null;
  jurisdiction_code: string | null;
  parent_definition_id: string | null;
}

/** One problem of the server's deploy validation (engine DeployProblem; message may come in both languages). */
export interface ServerProblem {
  elementId: string | null;
  message: string | { vi: string; en: string };
  [key: string]: unknown;
}

export interface VariantRow {
  id: string;
  key: string;
  name: string;
  jurisdictionCode: string;
  jurisdictionName: string | null;
  active: boolean;
  /** the variant's latest deployed version */
  definitionId: string | null;
  version: number | null;
  /** the parent version that latest version derives from */
  parentDefinitionId: string | null;
  parentVersion: number | null;
  latestParentDefinitionId: string | null;
  latestParentVersion: number | null;
  parentHasNewer: boolean;
  [key: string]: unknown;
}

export interface VariantDetail extends VariantRow {
  overrides: unknown;
  versions: { definitionId: string; version: number; parentDefinitionId: string | null; parentVersion: number | null; deployedAt: string; deployedBy: string | null }[];
}

export interface MigrationPlanRow {
  instanceId: string;
  businessKey: string | null;
  canMigrate: boolean;
  problems: ServerProblem[];
}

export const definitionApi = {
  /** latestOnly (default): the latest of each key + jurisdiction line; jurisdictionCode 'global' = the shipped ones. */
  list: (query: { key?: string; latestOnly?: boolean; jurisdictionCode?: string; limit?: number }, signal?: AbortSignal) =>
    api<ListPage<DefinitionRow>>('GET', '/api/definitions', { query: { ...query, latestOnly: query.latestOnly === undefined ? undefined : String(query.latestOnly) }, signal }),
  versions: (key: string, signal?: AbortSignal) => api<ListPage<DefinitionRow>>('GET', `/api/definitions/key/${encodeURIComponent(key)}/versions`, { signal }),
  validate: (xml: string) => api<{ valid: boolean; processes: (string | null)[]; problems: ServerProblem[] }>('POST', '/api/definitions/validate', { body: { xml } }),
  deploy: (body: { xml: string; versionTag?: string }) => api<{ definitions: (DefinitionRow & { created?: boolean })[] }>('POST', '/api/definitions', { body }),
  resolve: (query: { key: string; communeCode?: string; jurisdictionCode?: string }, signal?: AbortSignal) =>
    api<{ definitionId: string; key: string; version: number; jurisdictionCode: string | null; variantId: string | null }>('GET', '/api/definitions/resolve', { query, signal }),
  migrationDryRun: (sourceId: string, body: { targetDefinitionId: string; mapping?: Record<string, string> }) =>
    api<{ instances: MigrationPlanRow[]; total: number }>('POST', `/api/definitions/${sourceId}/migration/dry-run`, { body }),
  migrationApply: (sourceId: string, body: { targetDefinitionId: string; mapping?: Record<string, string> }) =>
    api<{ migrated: number; failed: { instanceId: string; businessKey: string | null; problems: ServerProblem[] }[]; total: number }>('POST', `/api/definitions/${sourceId}/migration/apply`, { body }),
};

export const variantApi = {
  list: (query: { key?: string; jurisdictionCode?: string }, signal?: AbortSignal) => api<ListPage<VariantRow>>('GET', '/api/variants', { query, signal }),
  get: (id: string, signal?: AbortSignal) => api<VariantDetail>('GET', `/api/variants/${id}`, { signal }),
  create: (body: { parentDefinitionId: string; jurisdictionCode: string; xml: string; name?: string; overrides?: unknown }) =>
    api<{ variant: VariantRow; definition: DefinitionRow }>('POST', '/api/variants', { body }),
  addVersion: (id: string, body: { xml: string; parentDefinitionId: string; overrides?: unknown }) =>
    api<{ variant: VariantRow; definition: DefinitionRow }>('POST', `/api/variants/${id}/versions`, { body }),
  setActive: (id: string, active: boolean) => api<VariantRow>('POST', `/api/variants/${id}/${active ? 'activate' : 'deactivate'}`),
};

// ---- forms registry (server/routes/form.routes.ts) ----------------------------------------------------
export interface FormVersionBody {
  id: string;
  title: { vi: string; en: string };
  mau?: string;
  schema: Record<string, unknown>;
  uiSchema?: Record<string, unknown>;
  translations?: { en?: Record<string, unknown> };
  examples?: { valid?: Record<string, unknown>[] };
}
export type StoredFormVersion = FormVersionBody & { version: number; checksum: string; createdAt: string; createdBy: string };
export interface FormLintProblemRow { severity: 'error' | 'warning'; code: string; path: string; message: { vi: string; en: string } }

export const formApi = {
  list: (query: { q?: string; limit?: number; offset?: number }, signal?: AbortSignal) =>
    api<ListPage<{ id: string; latestVersion: number; title: { vi: string; en: string }; mau?: string; createdAt: string }>>('GET', '/api/forms', { query, signal }),
  latest: (id: string, signal?: AbortSignal) => api<StoredFormVersion>('GET', `/api/forms/${encodeURIComponent(id)}`, { signal }),
  version: (id: string, version: number, signal?: AbortSignal) => api<StoredFormVersion>('GET', `/api/forms/${encodeURIComponent(id)}/versions/${version}`, { signal }),
  versions: (id: string, signal?: AbortSignal) =>
    api<{ items: { id: string; version: number; checksum: string; createdAt: string; createdBy: string }[] }>('GET', `/api/forms/${encodeURIComponent(id)}/versions`, { signal }),
  /** 201 with created: true for a new version; 200 with created: false when nothing changed. */
  save: (body: FormVersionBody) => api<{ form: StoredFormVersion; created: boolean; warnings: FormLintProblemRow[] }>('POST', '/api/forms', { body }),
};

// ---- organisation administration (server/routes/org.routes.ts) -------------------------------------

export type AgencyKind = 'police' | 'people_committee' | 'health_facility' | 'labour_office' | 'court' | 'procuracy' | 'rehab_centre';
export const AGENCY_KINDS: AgencyKind[] = ['police', 'people_committee', 'health_facility', 'labour_office', 'court', 'procuracy', 'rehab_centre'];
export type JurisdictionLevel = 'province' | 'district' | 'commune';

export interface ManagedAgency {
  id: string;
  code: string;
  name: string;
  kind: AgencyKind;
  candidate_groups: string[];
  jurisdiction_code: string;
  jurisdiction_name: string;
  users_total: number;
  users_active: number;
}

export interface ManagedJurisdiction {
  id: string;
  code: string;
  name: string;
  level: JurisdictionLevel;
  structure: '2022' | '2025';
  path: string;
  parent_code: string | null;
  parent_name: string | null;
  valid_from: string | null;
  valid_to: string | null;
  agencies: number;
}

export const orgApi = {
  agencies: (query: { q?: string; limit: number; offset: number }, signal?: AbortSignal) => api<ListPage<ManagedAgency>>('GET', '/api/admin/agencies', { query, signal }),
  createAgency: (body: { code: string; name: string; kind: AgencyKind; jurisdictionCode: string }) => api<ManagedAgency>('POST', '/api/admin/agencies', { body }),
  updateAgency: (id: string, body: { name?: string; kind?: AgencyKind; jurisdictionCode?: string }) => api<ManagedAgency>('PATCH', `/api/admin/agencies/${id}`, { body }),
  deactivateAgency: (id: string) => api<{ disabledUserIds: string[] }>('POST', `/api/admin/agencies/${id}/deactivate`),
  reactivateAgency: (id: string, userIds?: string[]) => api<{ enabledUserIds: string[] }>('POST', `/api/admin/agencies/${id}/reactivate`, { body: userIds ? { userIds } : {} }),
  jurisdictions: (query: { q?: string; limit: number; offset: number }, signal?: AbortSignal) => api<ListPage<ManagedJurisdiction>>('GET', '/api/admin/jurisdictions', { query, signal }),
  createJurisdiction: (body: { code: string; name: string; level: JurisdictionLevel; parentCode?: string; structure: '2022' | '2025'; validFrom?: string; validTo?: string }) =>
    api<ManagedJurisdiction>('POST', '/api/admin/jurisdictions', { body }),
  updateJurisdiction: (code: string, body: { name?: string; validFrom?: string | null; validTo?: string | null }) => api<ManagedJurisdiction>('PATCH', `/api/admin/jurisdictions/${code}`, { body }),
};
