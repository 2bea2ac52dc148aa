import type { ReactElement } from 'react';
import { Link, NavLink, Route, Routes } from 'react-router-dom';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages';
import { AdminTable, type Column, type RowAction } from './admin-table';
import { AgenciesTab } from './agencies-tab';
import { HolidaysTab } from './holidays-tab';
import { JurisdictionsTab } from './jurisdictions-tab';
import { UsersTab } from './users-tab';

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
  { slug: 'definitions', key: 'admin.tab.definitions', path: '/api/definitions', columns: (t) => [col('key', t('admin.col.key')), col('version', t('admin.col.version')), col('name', t('admin.col.name')), col('deployed_at', t('admin.col.deployed')), col('version_tag', t('admin.col.tag'))] },
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
      col('type', t('admin.col.type')),
      col('message', t('admin.col.message')),
      col('element_id', t('tasks.col.step')),
      { key: 'instance_id', label: t('instance.title'), render: (r) => (r.instance_id ? <Link to={`/instances/${String(r.instance_id)}`}>{String(r.instance_id).slice(0, 8)}</Link> : '') },
      col('created_at', t('tasks.col.received')),
    ],
    action: (t) => ({ label: t('admin.retry'), path: (r) => `/api/admin/incidents/${String(r.id)}/retry`, visible: (r) => r.state !== 'resolved' }),
  },
  { slug: 'jobs', key: 'admin.tab.jobs', path: '/api/admin/jobs', columns: (t) => [col('type', t('admin.col.type')), col('state', t('admin.col.state')), col('retries', t('admin.col.retries')), col('attempts', t('admin.col.attempts')), col('due_at', t('admin.col.due')), col('last_error', t('admin.col.error'))] },
  { slug: 'mail', key: 'admin.tab.mail', path: '/api/admin/mail', columns: (t) => [col('to', t('admin.col.to')), col('subject', t('admin.col.subject')), col('state', t('admin.col.state')), col('created_at', t('admin.col.created'))] },
];

/** Editable tabs with their own forms (organisation, accounts, calendar). */
const EDITABLE: { slug: string; key: MessageKey; element: () => ReactElement }[] = [
  { slug: 'agencies', key: 'admin.tab.agencies', element: () => <AgenciesTab /> },
  { slug: 'jurisdictions', key: 'admin.tab.jurisdictions', element: () => <JurisdictionsTab /> },
  { slug: 'users', key: 'admin.tab.users', element: () => <UsersTab /> },
  { slug: 'holidays', key: 'admin.tab.holidays', element: () => <HolidaysTab /> },
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
          {EDITABLE.map((tab) => (
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
        {EDITABLE.map((tab) => (
          <Route
            key={tab.slug}
            path={tab.slug}
            element={
              <div>
                <h2>{t(tab.key)}</h2>
                {tab.element()}
              </div>
            }
          />
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
