import { Fingerprint } from '../../components/fingerprint';
import { OperationPanel } from '../../components/operation-panel';
import { useTranslation } from '../../i18n';
import { appStore, useApp } from '../../store';
import { outcomeOf } from '../outcome';
import { TokenSummaryFacts } from './token-summary';

/** Runs New-RegistrationToken on the stamp as a long operation. */
export function GenerateStep() {
  const { t } = useTranslation();
  const operationId = useApp((s) => s.exp.operationId);
  const op = useApp((s) => (s.exp.operationId ? s.ops[s.exp.operationId] : undefined));
  const connected = useApp((s) => s.stamp.sessionId !== undefined);
  const busy = useApp((s) => s.busy.export !== undefined);
  const running = op?.status === 'running' || op?.status === 'cancelling';
  const result = outcomeOf(op, 'stamp.createToken');
  return (
    <>
      {!connected && <p className="notice">{t('export.generate.closed')}</p>}
      <button
        type="button"
        className={result ? 'secondary' : 'primary'}
        disabled={!connected || busy || running}
        onClick={() => void appStore.getState().generateToken()}
      >
        {result ? t('export.generate.again') : t('export.generate.start')}
      </button>
      {operationId && <OperationPanel operationId={operationId} title={t('export.generate.running')} />}
      {result && (
        <div className="result" data-testid="token-created">
          <Fingerprint label={t('facts.tokenFingerprint')} value={result.token.fingerprint} testId="export-token-fingerprint" />
          <TokenSummaryFacts summary={result.token.summary} testPrefix="export-token" />
        </div>
      )}
    </>
  );
}
