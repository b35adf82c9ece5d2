import { appStore, useApp } from '../store';

/** Always visible: the operator must never confuse a rehearsal with the production stamp. */
export function ModeBanner() {
  const info = useApp((s) => s.info);
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
      <button
        type="button"
        className="link-button"
        onClick={() => {
          const ok = window.confirm(`Switch to ${other} mode? Open sessions are closed.`);
          if (ok) void appStore.getState().setMode(other);
        }}
      >
        Switch to {other}
      </button>
    </div>
  );
}
