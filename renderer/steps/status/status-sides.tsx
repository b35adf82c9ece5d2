import type { Problem } from '../../../shared/contract';
import type { RegistrationStatusView } from '../../../shared/domain/registration-status';
import { Facts } from '../../components/facts';
import { ProblemBox } from '../../components/problem-box';
import { useTranslation } from '../../i18n';
import { appStore, useApp } from '../../store';

/** The stamp's record beside Azure's resource, with the admin portal's and Azure's field names. */
export function StatusSides({ view }: { view: RegistrationStatusView }) {
  const { t } = useTranslation();
  const azureAccount = useApp((s) => s.reg.account);
  const stampInfo = useApp((s) => s.stamp.info);
  const a = view.stamp?.activation;
  const state = view.comparison?.stampState;
  const azure = view.azure;
  const registration = azure && (azure.state === 'found' || azure.state === 'elsewhere') ? azure.registration : undefined;
  return (
    <div className="status-sides">
      <section aria-labelledby="status-stamp-title">
        <h3 id="status-stamp-title">{t('status.stampSide')}</h3>
        {view.stampProblem && <ProblemBox problem={view.stampProblem as Problem} />}
        {state && (
          <p>
            <strong data-testid="status-stamp-state">{t(`status.state.${state}`)}</strong>
          </p>
        )}
        {a && (
          <Facts
            label={t('status.stampSide')}
            rows={[
              [t('status.portal.subscription'), a.subscriptionId, 'status-stamp-subscription', 'copy'],
              [t('status.portal.resourceGroup'), a.resourceGroup, 'status-stamp-group'],
              [t('status.portal.name'), a.registrationName, 'status-stamp-name', 'copy'],
              [t('status.portal.cloudId'), stampInfo?.cloudId, 'status-stamp-cloud-id', 'copy'],
              [t('facts.expires'), a.expiration, 'status-stamp-expires'],
              [t('facts.usageReporting'), a.usageReportingEnabled],
              [t('facts.marketplace'), a.marketplaceSyndicationEnabled],
              [t('facts.resourceId'), a.registrationResourceId, 'status-stamp-resource-id', 'copy'],
            ]}
          />
        )}
      </section>
      <section aria-labelledby="status-azure-title">
        <h3 id="status-azure-title">{t('status.azureSide')}</h3>
        {view.azureProblem && <ProblemBox problem={view.azureProblem as Problem} />}
        {!azureAccount && a && (
          <div className="notice">
            <p>{t('status.azureSignIn')}</p>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                appStore.getState().open('register');
                appStore.getState().goRegister('sign-in');
              }}
            >
              {t('manage.goSignIn')}
            </button>
          </div>
        )}
        {azure && (
          <p>
            <strong data-testid="status-azure-state">{t(`status.azureState.${azure.state}`)}</strong>
          </p>
        )}
        {registration && (
          <Facts
            label={t('status.azureSide')}
            rows={[
              [t('facts.resourceId'), registration.id, 'status-azure-resource-id', 'copy'],
              [t('facts.cloudId'), registration.cloudId, 'status-azure-cloud-id', 'copy'],
              [t('facts.billingModel'), registration.billingModel, 'status-azure-billing'],
              [t('facts.locked'), registration.locked, 'status-azure-locked'],
              [t('facts.location'), azure?.state === 'found' ? azure.location : undefined],
              [t('status.keyExpires'), azure?.state === 'found' ? azure.keyExpires : undefined],
            ]}
          />
        )}
      </section>
    </div>
  );
}
