import type { TokenSummary } from '../../../shared/domain';
import { Facts } from '../../components/facts';
import { useTranslation } from '../../i18n';

/** The decoded token, in the same order on both sides of the air gap so they can be compared. */
export function TokenSummaryFacts({ summary, testPrefix }: { summary: TokenSummary; testPrefix: string }) {
  const { t } = useTranslation();
  return (
    <Facts
      label={t('files.kinds.token')}
      rows={[
        [t('facts.cloudId'), summary.cloudId, `${testPrefix}-cloud-id`, 'copy'],
        [t('facts.billingModel'), summary.billingModel, `${testPrefix}-billing-model`],
        [t('facts.agreementNumber'), summary.agreementNumber],
        [t('facts.msAssetTag'), summary.msAssetTag],
        [t('facts.usageReporting'), summary.usageReportingEnabled],
        [t('facts.marketplace'), summary.marketplaceSyndicationEnabled],
        [t('facts.hosts'), summary.hostCount],
        [t('facts.tokenVersion'), summary.version],
        [t('facts.issuedBy'), summary.issuer],
        [t('facts.practiceToken'), summary.practice],
      ]}
    />
  );
}
