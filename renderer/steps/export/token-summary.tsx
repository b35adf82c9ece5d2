import type { TokenSummary } from '../../../shared/domain';
import { Facts } from '../../components/facts';

/** The decoded token, in the same order on both sides of the air gap so they can be compared. */
export function TokenSummaryFacts({ summary, testPrefix }: { summary: TokenSummary; testPrefix: string }) {
  return (
    <Facts
      label="Registration token"
      rows={[
        ['Cloud ID', summary.cloudId, `${testPrefix}-cloud-id`],
        ['Billing model', summary.billingModel, `${testPrefix}-billing-model`],
        ['Agreement number', summary.agreementNumber],
        ['MS asset tag', summary.msAssetTag],
        ['Usage reporting', summary.usageReportingEnabled],
        ['Marketplace syndication', summary.marketplaceSyndicationEnabled],
        ['Hosts', summary.hostCount],
        ['Token version', summary.version],
        ['Issued by', summary.issuer],
        ['Practice token', summary.practice],
      ]}
    />
  );
}
