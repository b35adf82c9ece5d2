import { useState } from 'react';
import { OperationPanel } from '../../components/operation-panel';
import { ScopeProblem } from '../../components/scope-problem';
import { Screen } from '../../components/screen';
import { BusyNote } from '../../components/busy-note';
import { useTranslation } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { appStore, useApp } from '../../store';
import { outcomeOf } from '../outcome';
import { ActivateConnectStep } from './activate-connect-step';

/** Stamp side of renewing, changing or removing a disconnected registration. */
export function RemoveActivationScreen() {
  const { t } = useTranslation();
  const connected = useApp((s) => s.stamp.sessionId !== undefined);
  const opId = useApp((s) => s.act.removeOpId);
  const op = useApp((s) => (s.act.removeOpId ? s.ops[s.act.removeOpId] : undefined));
  const busy = useApp((s) => s.busy.activate !== undefined);
  const [understood, setUnderstood] = useState(false);
  const running = op?.status === 'running' || op?.status === 'cancelling';
  const done = outcomeOf(op, 'stamp.removeActivation');
  return (
    <Screen
      name="remove-activation"
      title={t('remove.title')}
      what={t('remove.what')}
      replaces="Remove-AzsActivationResource (Remove-AzureStackActivation)"
      help="renew"
    >
      <ScopeProblem scope="stamp" />
      <ScopeProblem scope="activate" />
      <ActivateConnectStep onConnected={() => undefined} />
      {connected && !done && (
        <>
          <label className="confirm">
            <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />
            <span>{t('remove.understood')}</span>
          </label>
          <button
            type="button"
            className="danger"
            disabled={!understood || busy || running}
            onClick={() => void appStore.getState().removeActivation()}
          >
            {t('remove.button')}
          </button>
        </>
      )}
      <BusyNote scope="stamp" />
      <BusyNote scope="activate" />
      {opId && <OperationPanel operationId={opId} title={t('remove.running')} />}
      {done && (
        <p className="ok-box" role="status" data-testid="remove-activation-result">
          {t('remove.done', { at: formatDateTime(done.removedAt) })}
        </p>
      )}
    </Screen>
  );
}
