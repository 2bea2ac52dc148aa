import { Link, NavLink, Route, Routes } from 'react-router-dom';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages';
import { AdminTable, type Column, type RowAction } from './admin-table';

interface Tab {
  slug: string;
  key: MessageKey;
  path: string;
  query?: Record<string, string>;
  columns: (t: (k: MessageKey) => string) => Column[];
  action?: (t: (k: MessageKey) => string) => RowAction;
}

const col = (key: string, label: string): Column => ({ key, label });

const TABS: Tab[] = [
  { slug: 'definitions', key: 'admin.tab.definitions', path: '/api/definitions', columns: () => [col('key', 'Key'), col('version', 'Version'), col('name', 'Name'), col('deployed_at', 'Deployed'), col('version_tag', 'Tag')] },
  {
    slug: 'instances',
    key: 'admin.tab.instances',
    path: '/api/instances',
    query: { state: 'active' },
    columns: (t) => [
      { key: 'id', label: 'ID', render: (r) => <Link to={`/instances/${String(r.id)}`}>{String(r.business_key ?? r.id)}</Link> },
      col('definition_key', t('tasks.filter.procedure')),
      col('state', t('tasks.filter.state')),
      col('started_at', t('tasks.col.received')),
    ],
  },
  {
    slug: 'incidents',
    key: 'admin.tab.incidents',
    path: '/api/admin/incidents',
    columns: (t) => [
      col('type', 'Type'),
      col('message', 'Message'),
      col('element_id', t('tasks.col.step')),
      { key: 'instance_id', label: t('instance.title'), render: (r) => (r.instance_id ? <Link to={`/instances/${String(r.instance_id)}`}>{String(r.instance_id).slice(0, 8)}</Link> : '') },
      col('created_at', t('tasks.col.received')),
    ],
    action: (t) => ({ label: t('admin.retry'), path: (r) => `/api/admin/incidents/${String(r.id)}/retry`, visible: (r) => r.state !== 'resolved' }),
  },
  { slug: 'jobs', key: 'admin.tab.jobs', path: '/api/admin/jobs', columns: () => [col('type', 'Type'), col('state', 'State'), col('retries', 'Retries'), col('attempts', 'Attempts'), col('due_at', 'Due'), col('last_error', 'Error')] },
  { slug: 'mail', key: 'admin.tab.mail', path: '/api/admin/mail', columns: () => [col('to', 'To'), col('subject', 'Subject'), col('state', 'State'), col('created_at', 'Created')] },
  { slug: 'users', key: 'admin.tab.users', path: '/api/admin/users', columns: () => [col('username', 'Username'), col('display_name', 'Name'), col('agency_name', 'Agency'), col('roles', 'Roles'), col('disabled', 'Disabled')] },
  { slug: 'agencies', key: 'admin.tab.agencies', path: '/api/agencies', columns: () => [col('code', 'Code'), col('name', 'Name'), col('kind', 'Kind'), col('jurisdiction_code', 'Jurisdiction')] },
  { slug: 'jurisdictions', key: 'admin.tab.jurisdictions', path: '/api/jurisdictions', columns: () => [col('code', 'Code'), col('name', 'Name'), col('level', 'Level'), col('structure', 'Structure'), col('path', 'Path')] },
  { slug: 'holidays', key: 'admin.tab.holidays', path: '/api/calendar/holidays', columns: () => [col('date', 'Date'), col('name', 'Name')] },
];

/** Operations for provincial admins: deployments, instances, incidents (retry), jobs, mail, organisation, calendar. */
export default function OperationsPage() {
  const { t } = useI18n();
  return (
    <section className="operations">
      <h1>{t('admin.title')}</h1>
      <nav aria-label={t('admin.title')} className="sub-nav">
        <ul>
          {TABS.map((tab) => (
            <li key={tab.slug}>
              <NavLink to={`/admin/${tab.slug}`}>{t(tab.key)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Routes>
        <Route index element={<TabView tab={TABS[2]} />} />
        {TABS.map((tab) => (
          <Route key={tab.slug} path={tab.slug} element={<TabView tab={tab} />} />
        ))}
      </Routes>
    </section>
  );
}

function TabView({ tab }: { tab: Tab }) {
  const { t } = useI18n();
  return (
    <div>
      <h2>{t(tab.key)}</h2>
      <AdminTable key={tab.slug} path={tab.path} query={tab.query} columns={tab.columns(t)} action={tab.action?.(t)} caption={t(tab.key)} />
    </div>
  );
}
