import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useSession } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';

/** Name and agency, change password, sign out, sign out everywhere (disclosure menu, Esc closes). */
export function UserMenu() {
  const { t } = useI18n();
  const { user, logout } = useSession();
  const [open, setOpen] = useState(false);
  const [confirmAll, setConfirmAll] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    const onClick = (e: MouseEvent) => root.current && !root.current.contains(e.target as Node) && setOpen(false);
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  if (!user) return null;
  return (
    <div className="user-menu" ref={root}>
      <button type="button" className="user-button" aria-expanded={open} aria-controls="user-menu-panel" onClick={() => setOpen(!open)}>
        <span className="visually-hidden">{t('user.menu')} </span>
        <span className="user-name">{user.displayName}</span>
        <span className="user-agency">{user.agency?.name ?? t('user.noAgency')}</span>
      </button>
      {open ? (
        <div id="user-menu-panel" className="user-menu-panel">
          <p className="user-menu-who">
            <strong>{user.displayName}</strong>
            <br />
            <span>{user.agency?.name ?? t('user.noAgency')}</span>
            {user.jurisdiction ? <span className="muted"> · {user.jurisdiction.name}</span> : null}
          </p>
          <ul>
            <li>
              <Link to="/account/password" onClick={() => setOpen(false)}>
                {t('user.changePassword')}
              </Link>
            </li>
            <li>
              <button type="button" onClick={() => void logout(false)}>
                {t('user.logout')}
              </button>
            </li>
            <li>
              {confirmAll ? (
                <span className="confirm" role="group">
                  <span>{t('user.logoutAllConfirm')}</span>
                  <button type="button" className="primary" onClick={() => void logout(true)}>
                    {t('common.yes')}
                  </button>
                  <button type="button" onClick={() => setConfirmAll(false)}>
                    {t('common.no')}
                  </button>
                </span>
              ) : (
                <button type="button" onClick={() => setConfirmAll(true)}>
                  {t('user.logoutAll')}
                </button>
              )}
            </li>
          </ul>
        </div>
      ) : null}
    </div>
  );
}
