import { Facts } from '../../components/facts';
import { useTranslation } from '../../i18n';
import { appStore, useApp } from '../../store';

/** -Reregister: the details the activation record and Azure still hold, and what must be given again. */
export function ReregisterDetails() {
  const { t } = useTranslation();
  const prefill = useApp((s) => s.status.prefill);
  const activated = useApp((s) => s.status.view?.stamp?.activation !== undefined);
  const busy = useApp((s) => s.busy.status !== undefined);
  if (!activated) return null;
  return (
    <section aria-labelledby="status-reregister-title">
      <h3 id="status-reregister-title">{t('status.reregister.title')}</h3>
      <p className="step-what">{t('status.reregister.what')}</p>
      <button type="button" className="secondary" disabled={busy} onClick={() => void appStore.getState().recoverDetails()} data-testid="status-recover">
        {t('status.reregister.recover')}
      </button>
      {prefill && (
        <>
          <Facts
            label={t('status.reregister.title')}
            rows={[
              [t('facts.subscription'), prefill.subscriptionId, 'prefill-subscription'],
              [t('facts.resourceGroup'), prefill.resourceGroup, 'prefill-group'],
              [t('facts.registrationName'), prefill.registrationName, 'prefill-name'],
              [t('facts.location'), prefill.location, 'prefill-location'],
              [t('facts.billingModel'), prefill.billingModel, 'prefill-billing'],
              [t('facts.usageReporting'), prefill.usageReportingEnabled],
              [t('facts.marketplace'), prefill.marketplaceSyndicationEnabled],
            ]}
          />
          {prefill.ask.map((field) => (
            <p key={field} className="notice" data-testid={`prefill-ask-${field}`}>
              {t(`status.reregister.ask.${field}`)}
            </p>
          ))}
          <p className="hint">{t('status.reregister.next')}</p>
          <button type="button" className="primary" onClick={() => appStore.getState().reregisterConnected()} data-testid="status-reregister">
            {t('status.reregister.open')}
          </button>
        </>
      )}
    </section>
  );
}
