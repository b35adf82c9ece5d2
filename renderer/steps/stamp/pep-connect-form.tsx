import type { FormEvent } from 'react';
import { TextField } from '../../components/field';
import { useTranslation } from '../../i18n';
import { appStore, useApp } from '../../store';
import { TranscriptShare } from './transcript-share';


/** Opens the privileged-endpoint session (Enter-PSSession -ConfigurationName PrivilegedEndpoint). */
export function PepConnectForm({ onConnected }: { onConnected?: () => void }) {
  const { t } = useTranslation();
  const user = useApp((s) => s.stamp.user);
  const password = useApp((s) => s.stamp.password);
  const busy = useApp((s) => s.busy.stamp !== undefined);
  const hasHost = useApp((s) => s.stamp.hosts.some((h) => h.trim() !== ''));
  const share = useApp((s) => s.stamp.share);
  // A share needs its own account; half a share would only fail when the session closes.
  const shareIncomplete = share.path.trim() !== '' && (share.user.trim() === '' || share.password === '');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await appStore.getState().connect()) onConnected?.();
  };
  return (
    <form className="form" onSubmit={submit} aria-label={t('stamp.connectForm')}>
      <TextField
        id="pep-user"
        label={t('stamp.user')}
        hint={t('stamp.userHint')}
        value={user}
        onChange={(v) => appStore.getState().setUser(v)}
        placeholder={t('stamp.userPlaceholder')}
        autoComplete="username"
        spellCheck={false}
      />
      <TextField
        id="pep-password"
        label={t('stamp.password')}
        hint={t('stamp.passwordHint')}
        value={password}
        onChange={(v) => appStore.getState().setPassword(v)}
        type="password"
        autoComplete="off"
      />
      <TranscriptShare />
      <button type="submit" className="primary" disabled={busy || !hasHost || user.trim() === '' || password === '' || shareIncomplete}>
        {t('stamp.connect')}
      </button>
    </form>
  );
}
