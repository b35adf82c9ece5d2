import { CONNECTED_STEPS } from '../../../shared/domain';
import type { ConnectedRecord } from '../../../shared/domain';
import { useTranslation } from '../../i18n';
import { appStore, useApp } from '../../store';

/** This machine's record of the run for these names: each leg done or not, and where it stopped. */
export function ConnectedRecordView({ record, running }: { record: ConnectedRecord; running: boolean }) {
  const { t } = useTranslation();
  const busy = useApp((s) => s.busy.connected !== undefined);
  const check = useApp((s) => s.con.check);
  // Not complete and not running: stopped, also when the app quit during the run (no failure recorded).
  const state = record.completedAt ? 'complete' : running ? 'running' : 'stopped';
  const stoppedAt = state === 'stopped' ? (record.failedAt ?? CONNECTED_STEPS.find((s) => !record.done.includes(s))) : undefined;
  return (
    <section className="connected-record" aria-labelledby="connected-record-title" data-testid="connected-record" data-state={state}>
      <h3 id="connected-record-title">{t('connected.record.title', { name: record.registrationName })}</h3>
      <ol className="connected-steps">
        {CONNECTED_STEPS.map((step) => {
          const done = record.done.includes(step);
          const stopped = stoppedAt === step && !done;
          return (
            <li key={step} data-testid={`connected-step-${step}`} data-done={done ? 'yes' : stopped ? 'stopped' : 'no'}>
              {t(`connected.steps.${step}`)}: <strong>{t(done ? 'connected.record.done' : stopped ? 'connected.record.stopped' : 'connected.record.notDone')}</strong>
            </li>
          );
        })}
      </ol>
      {state === 'stopped' && (
        <div className="warn-box" role="note" data-testid="connected-partial">
          <p>
            <strong>{t(record.done.includes('resource') ? 'connected.record.partialAzure' : 'connected.record.partialNothing')}</strong>
          </p>
          <p>{t(record.done.includes('principal') ? 'connected.record.partialPrincipal' : 'connected.record.partialStampUnchanged')}</p>
          <p>{t('connected.record.rerun')}</p>
        </div>
      )}
      <button type="button" className="secondary" disabled={busy} onClick={() => void appStore.getState().checkConnected()}>
        {t('connected.check.button')}
      </button>
      {check && (
        <p className="notice" role="status" data-testid="connected-check">
          {check.registration
            ? t('connected.check.found', {
                name: check.registration.name,
                model: check.registration.billingModel ?? '—',
                lock: t(check.locked === true ? 'connected.check.locked' : check.locked === false ? 'connected.check.unlocked' : 'connected.check.unknown'),
                role: t(check.ownerAssigned === true ? 'connected.check.roleYes' : check.ownerAssigned === false ? 'connected.check.roleNo' : 'connected.check.unknown'),
              })
            : t('connected.check.missing')}
        </p>
      )}
    </section>
  );
}
