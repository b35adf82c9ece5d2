import { useEffect } from 'react';
import { useTranslation } from '../i18n';
import { formatDateTime } from '../i18n/format';
import { appStore, useApp } from '../store';
import { keyExpected, keyFileFor } from '../store/nav-slice';

/** Opens the activation leg on a hand-off whose key is expected. */
export function ActivateButton({ handoffId, label, tone = 'primary' }: { handoffId: string; label?: string; tone?: 'primary' | 'secondary' }) {
  const { t } = useTranslation();
  return (
    <button type="button" className={tone} onClick={() => appStore.getState().activateHandoff(handoffId)} data-testid="activate-handoff">
      {label ?? t('navigation.activate')}
    </button>
  );
}

/** Stamp side: every hand-off waiting for its key, each with Activate. */
export function KeyExpectedList() {
  const { t } = useTranslation();
  const waiting = useApp((s) => s.handoffs).filter(keyExpected);
  if (waiting.length === 0) return null;
  return (
    <section className="key-expected" aria-labelledby="key-expected-title" data-testid="key-expected">
      <h3 id="key-expected-title">{t('navigation.expectedTitle')}</h3>
      <ul>
        {waiting.map((h) => (
          <li key={h.id}>
            <span>
              {t('navigation.expected', { cloudId: h.cloudId, at: formatDateTime(h.updatedAt) })}
              {h.tokenFingerprint && <span className="muted"> · {t('handoffs.token', { fingerprint: h.tokenFingerprint })}</span>}
            </span>
            <ActivateButton handoffId={h.id} />
          </li>
        ))}
      </ul>
    </section>
  );
}

const POLL_MS = 3000;

/** Activation leg opened on a hand-off: says when a key for it is on the chosen drive (checked every few seconds). */
export function AwaitedKey() {
  const { t } = useTranslation();
  // Only while its key is still expected: once activated (or archived) there is nothing to wait for.
  const handoff = useApp((s) => s.handoffs.find((h) => h.id === s.act.awaiting && keyExpected(h)));
  const driveId = useApp((s) => s.act.driveId);
  const file = useApp((s) => keyFileFor(handoff, s.act.files));
  const read = useApp((s) => s.act.key !== undefined && s.act.handoffId === s.act.awaiting);
  const busy = useApp((s) => s.busy.activate !== undefined);
  const waiting = handoff !== undefined && driveId !== undefined && file === undefined && !read;
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => void appStore.getState().pollKeyFiles(), POLL_MS);
    return () => clearInterval(timer);
  }, [waiting]);
  if (!handoff || read) return null;
  return (
    <div className={file ? 'ok-box' : 'notice'} role="status" data-testid="awaited-key">
      <p>{t('navigation.awaiting', { cloudId: handoff.cloudId })}</p>
      {!driveId && <p>{t('navigation.chooseDrive')}</p>}
      {waiting && <p>{t('navigation.notYet')}</p>}
      {file && (
        <p>
          {t('navigation.keyArrived', { file: file.name })}{' '}
          <button type="button" className="primary" disabled={busy} onClick={() => void appStore.getState().readKey(file.name)}>
            {t('navigation.readArrived')}
          </button>
        </p>
      )}
    </div>
  );
}
