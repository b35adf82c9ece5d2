import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { OperationPanel } from '../../components/operation-panel';
import { useTranslation } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { appStore, useApp } from '../../store';
import { outcomeOf } from '../outcome';

/** Runs New-AzureStackActivation through the privileged endpoint: up to 30 minutes on a real stamp. */
export function ActivationStep() {
  const { t } = useTranslation();
  const operationId = useApp((s) => s.act.operationId);
  const op = useApp((s) => (s.act.operationId ? s.ops[s.act.operationId] : undefined));
  const ready = useApp((s) => s.stamp.sessionId !== undefined && s.act.handoffId !== undefined);
  const busy = useApp((s) => s.busy.activate !== undefined);
  const running = op?.status === 'running' || op?.status === 'cancelling';
  const result = outcomeOf(op, 'stamp.activate');
  // The stamp may have finished on its own: retrying blindly could collide with it.
  const uncertain = op?.status === 'outcome-unknown' || op?.status === 'interrupted' || op?.status === 'cancelled';
  const handoffId = useApp((s) => s.act.handoffId);
  const stage = useApp((s) => s.handoffs.find((h) => h.id === s.act.handoffId)?.stage);
  const [asking, setAsking] = useState<'again' | 'cancel'>();
  const start = () => (uncertain ? setAsking('again') : void appStore.getState().activate());
  return (
    <>
      {!result && (
        <>
          <p className="hint">{t('activate.activation.hint')}</p>
          <button type="button" className={uncertain ? 'secondary' : 'primary'} disabled={!ready || busy || running} onClick={start}>
            {uncertain ? t('activate.activation.again') : t('activate.activation.start')}
          </button>
        </>
      )}
      {!ready && !result && <p className="notice">{t('activate.activation.notReady')}</p>}
      {uncertain && !result && stage !== 'activated' && (
        <div className="warn-box" data-testid="activation-check">
          <p>{t('activate.activation.uncertain')}</p>
          {handoffId && stage === 'activating' && (
            <button type="button" className="secondary" onClick={() => void appStore.getState().confirmActivated(handoffId)}>
              {t('activate.activation.portalShows')}
            </button>
          )}
        </div>
      )}
      {uncertain && stage === 'activated' && (
        <p className="ok-box" role="status">
          {t('activate.activation.marked')}
        </p>
      )}
      {operationId && (
        <OperationPanel operationId={operationId} title={t('activate.activation.running')} onCancel={() => setAsking('cancel')} uncertaintyExplained />
      )}
      {result && (
        <p className="ok-box" data-testid="activation-result" role="status">
          {t('activate.activation.done', { at: formatDateTime(result.activatedAt) })}
        </p>
      )}
      <ConfirmDialog
        open={asking !== undefined}
        title={asking === 'cancel' ? t('activate.activation.cancelAsk') : t('activate.activation.againAsk')}
        confirmLabel={asking === 'cancel' ? t('activate.activation.cancelYes') : t('activate.activation.again')}
        cancelLabel={asking === 'cancel' ? t('activate.activation.cancelNo') : t('common.cancel')}
        tone={asking === 'cancel' ? 'danger' : 'primary'}
        onCancel={() => setAsking(undefined)}
        onConfirm={() => {
          const what = asking;
          setAsking(undefined);
          if (what === 'cancel' && operationId) void appStore.getState().cancelOperation(operationId);
          if (what === 'again') void appStore.getState().activate();
        }}
      >
        <p>{asking === 'cancel' ? t('activate.activation.cancelWhat') : t('activate.activation.againWhat')}</p>
      </ConfirmDialog>
    </>
  );
}
