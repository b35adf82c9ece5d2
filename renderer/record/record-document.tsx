import { activateScript, exportScript, registerScript } from '../../shared/domain/powershell-script';
import type { HandoffRecord } from '../../shared/domain/handoff-record';
import { Facts } from '../components/facts';
import { historyNote } from '../components/history-note';
import { useTranslation } from '../i18n';
import { formatDateTime } from '../i18n/format';

/** When a stage was reached (its last time), from the hand-off's history. */
const reachedAt = (r: HandoffRecord, stage: HandoffRecord['summary']['stage']): string | undefined => r.summary.history.findLast((h) => h.stage === stage)?.at;
const when = (iso: string | undefined): string | undefined => (iso ? formatDateTime(iso) : undefined);

/** The equivalent RegisterWithAzure.psm1 commands of what this machine did in the hand-off. */
const powershellOf = (r: HandoffRecord): string => {
  const { summary: s, facts: f } = r;
  const ercs = f.ercsAddresses ?? [];
  if (s.side === 'host') {
    return registerScript({
      cloud: f.cloud ?? 'AzureCloud',
      subscriptionId: f.subscriptionId ?? '',
      tokenFile: f.tokenFile ?? 'registration-token.txt',
      registrationName: s.registrationName ?? '',
      resourceGroup: f.resourceGroup ?? '',
      location: f.location ?? '',
      keyFile: f.keyFile ?? 'activation-key.txt',
    });
  }
  const parts = [];
  if (s.tokenFingerprint && f.billingModel) {
    parts.push(
      exportScript({
        ercs: ercs[0] ?? '',
        user: '',
        billingModel: f.billingModel,
        ...(f.agreementNumber ? { agreementNumber: f.agreementNumber } : {}),
        ...(f.msAssetTag ? { msAssetTag: f.msAssetTag } : {}),
        tokenFile: f.tokenFile ?? 'registration-token.txt',
      }),
    );
  }
  if (s.keyFingerprint) parts.push(activateScript({ ercs: ercs.at(-1) ?? '', user: '', keyFile: f.keyFile ?? 'activation-key.txt' }));
  return parts.join('\n\n');
};

/** The record as it is printed: every fact on the page, no control to click. */
export function RecordDocument({ record: r }: { record: HandoffRecord }) {
  const { t } = useTranslation();
  const { summary: s, facts: f } = r;
  const script = powershellOf(r);
  return (
    <article className="record" data-testid="record">
      <header>
        <h1>{t('records.heading')}</h1>
        <p className="record-subtitle">
          {s.registrationName ?? s.cloudId} · {t(`sides.${s.side}`)} · {t(`stages.${s.stage}`)}
        </p>
        {r.summary.practice && (
          <p className="record-practice" data-testid="record-practice">
            {t('records.practiceMark')}
          </p>
        )}
      </header>

      <h2>{t('records.overview')}</h2>
      <Facts
        label={t('records.overview')}
        rows={[
          [t('facts.registrationName'), s.registrationName],
          [t('records.leg'), t(`sides.${s.side}`)],
          [t('records.stage'), t(`stages.${s.stage}`)],
          [t('records.complete'), s.complete],
          [t('records.handoffId'), s.id],
          [t('records.started'), when(s.createdAt)],
          [t('records.updated'), when(s.updatedAt)],
        ]}
      />

      <h2>{t('records.where')}</h2>
      <Facts
        label={t('records.where')}
        rows={[
          [t('records.machine'), r.machine.name],
          [t('records.os'), r.machine.os],
          [t('records.appVersion'), r.app.version],
          [t('records.mode'), t(`mode.${r.app.mode}.title`)],
          [t('records.generated'), when(r.generatedAt)],
        ]}
      />

      <h2>{t('records.stamp')}</h2>
      <Facts
        label={t('records.stamp')}
        rows={[
          [t('facts.cloudId'), s.cloudId],
          [t('facts.stampVersion'), r.stamp.stampVersion],
          [t('facts.region'), r.stamp.regionName],
          [t('records.ercs'), f.ercsAddresses?.join(', ')],
          [t('records.activatedAt'), when(reachedAt(r, 'activated'))],
          [t('records.activationConfirmedAt'), when(reachedAt(r, 'activation-confirmed'))],
        ]}
      />

      <h2>{t('records.token')}</h2>
      <Facts
        label={t('records.token')}
        rows={[
          [t('facts.tokenFingerprint'), s.tokenFingerprint],
          [t('facts.billingModel'), f.billingModel],
          [t('facts.usageReporting'), f.usageReportingEnabled],
          [t('facts.marketplace'), f.marketplaceSyndicationEnabled],
          [t('facts.agreementNumber'), f.agreementNumber],
          [t('facts.msAssetTag'), f.msAssetTag],
          [t('facts.tokenVersion'), f.tokenVersion],
          [t('facts.hosts'), f.hostCount],
          [t('records.file'), f.tokenFile],
        ]}
      />

      <h2>{t('records.registration')}</h2>
      <Facts
        label={t('records.registration')}
        rows={[
          [t('records.cloud'), f.cloud],
          [t('facts.subscription'), f.subscriptionId],
          [t('facts.resourceGroup'), f.resourceGroup],
          [t('facts.location'), f.location],
          [t('facts.resourceId'), f.registrationId],
          [t('records.lock'), f.lock],
        ]}
      />
      {!f.registrationId && <p className="hint">{t(s.side === 'host' ? 'records.notRegisteredYet' : 'records.registeredElsewhere')}</p>}

      <h2>{t('records.key')}</h2>
      <Facts
        label={t('records.key')}
        rows={[
          [t('facts.keyFingerprint'), s.keyFingerprint],
          [t('facts.expires'), when(f.keyExpires)],
          [t('records.file'), f.keyFile],
        ]}
      />
      {!s.keyFingerprint && <p className="hint">{t('records.noKeyYet')}</p>}

      <h2>{t('records.history')}</h2>
      <table className="record-history">
        <thead>
          <tr>
            <th scope="col">{t('records.time')}</th>
            <th scope="col">{t('records.stage')}</th>
            <th scope="col">{t('records.note')}</th>
          </tr>
        </thead>
        <tbody>
          {s.history.map((h) => (
            <tr key={`${h.stage}-${h.at}`}>
              <td>
                <time dateTime={h.at}>{formatDateTime(h.at)}</time>
              </td>
              <td>{t(`stages.${h.stage}`)}</td>
              <td>{historyNote(t, h)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {script && (
        <>
          <h2>{t('script.summary')}</h2>
          <p className="hint">{t('script.hint')}</p>
          <pre className="record-script">
            <code>{script}</code>
          </pre>
        </>
      )}
      <footer className="record-footer">{t('records.footer', { version: r.app.version })}</footer>
    </article>
  );
}
