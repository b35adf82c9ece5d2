import { useState } from 'react';
import { appStore, useApp } from '../store';
import { ConfirmDialog } from './confirm-dialog';

/** Always visible: the operator must never confuse a rehearsal with the production stamp. */
export function ModeBanner() {
  const info = useApp((s) => s.info);
  const [asking, setAsking] = useState(false);
  if (!info) return <div className="mode-banner mode-unknown" data-testid="mode-banner">Starting…</div>;
  const practice = info.mode === 'practice';
  const other = practice ? 'live' : 'practice';
  return (
    <div className={practice ? 'mode-banner mode-practice' : 'mode-banner mode-live'} data-testid="mode-banner" role="status">
      <strong>{practice ? 'Practice mode' : 'Live mode'}</strong>
      <span>
        {practice
          ? 'Simulated stamp and simulated Azure. Nothing you do here touches a real system.'
          : 'Connected to the real privileged endpoint and Azure. Changes are real.'}
      </span>
      <button type="button" className="link-button" onClick={() => setAsking(true)}>
        Switch to {other}
      </button>
      <ConfirmDialog
        open={asking}
        title={`Switch to ${other} mode?`}
        confirmLabel={`Switch to ${other}`}
        cancelLabel={`Stay in ${info.mode}`}
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          void appStore.getState().setMode(other);
        }}
      >
        <p>Open sessions are closed and Azure signs out. Progress of one mode does not carry into the other.</p>
      </ConfirmDialog>
    </div>
  );
}
