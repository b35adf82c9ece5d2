import { Facts } from '../../components/facts';
import { Fingerprint } from '../../components/fingerprint';
import { OperationPanel } from '../../components/operation-panel';
import { useTranslation } from '../../i18n';
import { appStore, useApp } from '../../store';
import { outcomeOf } from '../outcome';

/** Creates the registration resource (provider, group, resource, lock) and fetches the activation key. */
export function RegisterStep() {
  const { t } = useTranslation();
  const reg = useApp((s) => s.reg);
  const op = useApp((s) => (s.reg.operationId ? s.ops[s.reg.operationId] : undefined));
  const busy = useApp((s) => s.busy.register !== undefined);
  const sub = reg.subscriptions.find((s) => s.id === reg.subscriptionId);
  const running = op?.status === 'running' || op?.status === 'cancelling';
  const result = outcomeOf(op, 'azure.register');
  return (
    <>
      <Facts
        label={t('register.toCreate')}
        rows={[
          [t('facts.subscription'), sub ? `${sub.displayName} (${sub.id})` : reg.subscriptionId],
          [t('facts.resourceGroup'), reg.resourceGroup],
          [t('facts.location'), reg.location],
          [t('facts.registrationName'), reg.registrationName],
        ]}
      />
      {/* Running it again is safe (same token and name): after an unregister, or to fetch the key anew. */}
      <button
        type="button"
        className={result ? 'secondary' : 'primary'}
        disabled={busy || running || !reg.handoffId}
        onClick={() => void appStore.getState().register()}
      >
        {result ? t('register.again') : t('register.start')}
      </button>
      {reg.operationId && <OperationPanel operationId={reg.operationId} title={t('register.running')} />}
      {result && (
        <div className="result" data-testid="registered">
          {result.reused && <p className="notice">{t('register.reused')}</p>}
          <Facts
            label={t('register.registration')}
            rows={[
              [t('facts.resourceId'), result.registration.id, undefined, 'copy'],
              [t('facts.billingModel'), result.registration.billingModel],
              [t('facts.cloudId'), result.registration.cloudId, undefined, 'copy'],
              [t('facts.locked'), result.registration.locked],
            ]}
          />
          <Fingerprint label={t('facts.keyFingerprint')} value={result.key.fingerprint} testId="host-key-fingerprint" />
        </div>
      )}
    </>
  );
}
