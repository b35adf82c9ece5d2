import { Facts } from '../../components/facts';
import { say, useTranslation } from '../../i18n';
import { useApp } from '../../store';

/** Everything Get-AzureStackStampInformation returned that matters for registration. */
export function StampStep() {
  const { t } = useTranslation();
  const info = useApp((s) => s.stamp.info);
  const notices = useApp((s) => s.stamp.notices);
  const host = useApp((s) => s.stamp.host);
  if (!info) return <p className="notice">{t('stamp.connectFirst')}</p>;
  return (
    <>
      <Facts
        label={t('export.steps.stamp.title')}
        rows={[
          [t('facts.cloudId'), info.cloudId, 'stamp-cloud-id', 'copy'],
          [t('facts.stampVersion'), info.stampVersion],
          [t('facts.deploymentId'), info.deploymentId],
          [t('facts.oemVersion'), info.oemVersion],
          [t('facts.region'), info.regionName],
          [t('facts.nodes'), info.numberOfNodes],
          [t('facts.externalDomain'), info.externalDomainFqdn],
          [t('facts.domain'), info.domainFqdn],
          [t('facts.identitySystem'), info.identitySystem],
          [t('facts.answeredThrough'), host],
        ]}
      />
      {notices.map((n) => (
        <p key={n.text} className="notice">
          {say(n)}
        </p>
      ))}
    </>
  );
}
