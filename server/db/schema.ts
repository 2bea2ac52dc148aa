import type { ColumnType, Generated } from 'kysely';

/** Table types of the server's own tables (engine and forms type theirs). */
export interface JurisdictionTable {
  id: Generated<string>;
  code: string;
  name: string;
  level: 'province' | 'district' | 'commune';
  parent_id: string | null;
  path: string;
  structure: '2022' | '2025';
  valid_from: string | null;
  valid_to: string | null;
  /** 2025 communes: the regional court area (court_area.code), configuration (0045) */
  court_area_code: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Regional court areas per province (0045). */
export interface CourtAreaTable {
  code: string;
  province_code: string;
  name: string;
  court_agency_code: string | null;
}

export interface AgencyTable {
  id: Generated<string>;
  code: string;
  name: string;
  kind: string;
  jurisdiction_id: string;
  candidate_groups: Generated<string[]>;
}

export interface AppUserTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string;
  agency_id: string | null;
  locale: Generated<string>;
  disabled: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  totp_secret: string | null;
  totp_enabled: Generated<boolean>;
  totp_last_step: number | null;
  password_changed_at: Date | null;
  created_at: Generated<Date>;
}

export interface UserRoleTable {
  user_id: string;
  role: string;
}

export interface UserSessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Date;
  actor_id: string | null;
  action: string;
  resource_type: string | null;
  resource_id: string | null;
  detail: ColumnType<unknown, string, string>;
  /** NULL until the sealer chains the row (0060); then its place in the chain, from 1. */
  chain_seq: ColumnType<string | null, string | null | undefined, string | null>;
  prev_hash: ColumnType<string | null, string | null | undefined, string | null>;
  hash: ColumnType<string | null, string | null | undefined, string | null>;
  scope: string | null;
  /** Database time of the insert (0060): how long a row has waited for its seal. */
  logged_at: ColumnType<Date, Date | undefined, never>;
}


export interface PersonTable {
  id: Generated<string>;
  full_name: string;
  other_names: Generated<string[]>;
  date_of_birth: string | null;
  sex: 'male' | 'female' | null;
  id_type: string | null;
  id_number: string | null;
  province_code: string | null;
  commune_code: string | null;
  scope: string;
  permanent_address: string | null;
  status: string | null;
  statuses: ColumnType<unknown, string | undefined, string>;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  search_name: Generated<string>;
}

export interface RehabCaseTable {
  id: Generated<string>;
  code: string;
  person_id: string;
  procedure_key: string;
  title: string;
  scope: string;
  status: Generated<string>;
  instance_id: string | null;
  data: ColumnType<unknown, string | undefined, string>;
  medical: ColumnType<unknown, string | null, string | null>;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  /** set with status closed/cancelled when the case's root instance ends (trigger of 0045) */
  closed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface MailLogTable {
  job_id: string;
  message_id: string;
  template: string;
  recipient: string;
  subject: string;
  transport: 'smtp' | 'file';
  file: string | null;
  attempts: number;
  sent_at: Date;
}

export interface TaskNotificationTable {
  task_id: string;
  kind: 'deadline_near' | 'overdue';
  at: Date;
}

export interface PublicSubmissionTable {
  id: Generated<string>;
  form_id: string;
  form_version: number;
  commune_code: string;
  scope: string;
  data: ColumnType<unknown, string, string>;
  contact: ColumnType<unknown, string, string>;
  status: Generated<string>;
  ip: string | null;
  created_at: Date;
}

export interface ServerDatabase {
  jurisdiction: JurisdictionTable;
  court_area: CourtAreaTable;
  agency: AgencyTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  user_session: UserSessionTable;
  audit_log: AuditLogTable;
  person: PersonTable;
  rehab_case: RehabCaseTable;
  mail_log: MailLogTable;
  task_notification: TaskNotificationTable;
  public_submission: PublicSubmissionTable;
}
