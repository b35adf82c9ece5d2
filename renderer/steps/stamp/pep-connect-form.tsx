import type { FormEvent } from 'react';
import { TextField } from '../../components/field';
import { appStore, useApp } from '../../store';
import { useHostsReady } from './ercs-hosts';
import { TranscriptShare } from './transcript-share';

const USER_HINT = 'The CloudAdmin account of the stamp, as <DOMAIN>\\CloudAdmin.';
const PASSWORD_HINT = 'Used once to open the session and then forgotten; never stored.';

/** Opens the privileged-endpoint session (Enter-PSSession -ConfigurationName PrivilegedEndpoint). */
export function PepConnectForm({ onConnected }: { onConnected?: () => void }) {
  const user = useApp((s) => s.stamp.user);
  const password = useApp((s) => s.stamp.password);
  const busy = useApp((s) => s.busy.stamp !== undefined);
  const hasHost = useHostsReady();
  const share = useApp((s) => s.stamp.share);
  // A share needs its own account; half a share would only fail when the session closes.
  const shareIncomplete = share.path.trim() !== '' && (share.user.trim() === '' || share.password === '');
  const practice = useApp((s) => s.info?.practiceStamp);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await appStore.getState().connect()) onConnected?.();
  };
  return (
    <form className="form" onSubmit={submit} aria-label="Connect to the privileged endpoint">
      {practice && (
        <div className="notice" data-testid="practice-sign-in">
          <p>
            The practice stamp answers on {practice.ercsAddresses.join(', ')} and accepts only {practice.user} with the password{' '}
            <code>{practice.password}</code>. Any other password is refused, as a real privileged endpoint does; rehearse it.
          </p>
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
            Fill in the practice sign-in
          </button>
        </div>
      )}
      <TextField
        id="pep-user"
        label="User name"
        hint={USER_HINT}
        value={user}
        onChange={(v) => appStore.getState().setUser(v)}
        placeholder="AZURESTACK\CloudAdmin"
        autoComplete="username"
        spellCheck={false}
      />
      <TextField
        id="pep-password"
        label="Password"
        hint={PASSWORD_HINT}
        value={password}
        onChange={(v) => appStore.getState().setPassword(v)}
        type="password"
        autoComplete="off"
      />
      <TranscriptShare />
      <button type="submit" className="primary" disabled={busy || !hasHost || user.trim() === '' || password === '' || shareIncomplete}>
        Connect
      </button>
    </form>
  );
}
