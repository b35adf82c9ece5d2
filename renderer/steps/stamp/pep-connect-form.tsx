import type { FormEvent } from 'react';
import { TextField } from '../../components/field';
import { useTranslation } from '../../i18n';
import { appStore, useApp } from '../../store';
import { useHostsReady } from './ercs-hosts';
import { CloseSession } from './pep-session';
import { TranscriptShare } from './transcript-share';


/** Opens the privileged-endpoint session (Enter-PSSession -ConfigurationName PrivilegedEndpoint). */
export function PepConnectForm({ onConnected }: { onConnected?: () => void }) {
  const { t } = useTranslation();
  const user = useApp((s) => s.stamp.user);
  const password = useApp((s) => s.stamp.password);
  const busy = useApp((s) => s.busy.stamp !== undefined);
  const hasHost = useHostsReady();
  const share = useApp((s) => s.stamp.share);
  // A share needs its own account; half a share would only fail when the session closes.
  const shareIncomplete = share.path.trim() !== '' && (share.user.trim() === '' || share.password === '');
  const practice = useApp((s) => s.info?.practiceStamp);
  // A session closed from this step: where its transcripts went stays in view above the form.
  const closedSaid = useApp((s) => s.stamp.sessionId === undefined && s.stamp.notices.length > 0);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await appStore.getState().connect()) onConnected?.();
  };
  return (
    <>
      {closedSaid && <CloseSession />}
      <form className="form" onSubmit={submit} aria-label={t('stamp.connectForm')}>
        {practice && (
          <div className="notice" data-testid="practice-sign-in">
            <p>{t('stamp.practiceSignIn', { addresses: practice.ercsAddresses.join(', '), user: practice.user, password: practice.password })}</p>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                const s = appStore.getState();
                s.setHosts([...practice.ercsAddresses]);
                s.setUser(practice.user);
                s.setPassword(practice.password);
              }}
            >
              {t('stamp.fillPractice')}
            </button>
          </div>
        )}
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
    </>
  );
}
