import { useEffect, useState } from 'react';
import { CopyButton } from '../../components/copy-button';
import { Fingerprint } from '../../components/fingerprint';
import { useTranslation } from '../../i18n';
import { appStore, useApp } from '../../store';
import { TokenSummaryFacts } from '../export/token-summary';
import { TokenFromDrive } from './token-from-drive';
import { TokenFromText } from './token-from-text';

/** Reads the token the stamp exported and shows what is in it, to compare with the stamp screen. */
export function TokenStep() {
  const { t } = useTranslation();
  const token = useApp((s) => s.reg.token);
  const handoff = useApp((s) => s.handoffs.find((h) => h.id === s.reg.handoffId));
  const confirmed = useApp((s) => s.reg.tokenConfirmed);
  const [source, setSource] = useState<'drive' | 'paste'>('drive');
  const fingerprint = token?.fingerprint ?? handoff?.tokenFingerprint;
  // Connections to Azure open while the operator picks the token: the next steps do not wait for them.
  useEffect(() => {
    void appStore.getState().warmUp();
  }, []);
  return (
    <>
      <div className="tabs" role="group" aria-label={t('register.token.source')}>
        <button type="button" aria-pressed={source === 'drive'} onClick={() => setSource('drive')}>
          {t('register.token.fromDrive')}
        </button>
        <button type="button" aria-pressed={source === 'paste'} onClick={() => setSource('paste')}>
          {t('register.token.paste')}
        </button>
      </div>
      {source === 'drive' ? <TokenFromDrive /> : <TokenFromText />}
      {fingerprint && (
        <div className="result" data-testid="host-token">
          <Fingerprint label={t('facts.tokenFingerprint')} value={fingerprint} testId="host-token-fingerprint" />
          {token ? (
            <TokenSummaryFacts summary={token.summary} testPrefix="host-token" />
          ) : (
            <p className="hint">
              {t('register.token.readEarlier')} <code data-testid="host-token-cloud-id">{handoff?.cloudId}</code>
              {handoff && <CopyButton value={handoff.cloudId} what={t('facts.cloudId')} />}
            </p>
          )}
          <label className="confirm">
            <input
              type="checkbox"
              checked={confirmed}
              onChange={(e) => appStore.getState().setRegister({ tokenConfirmed: e.target.checked })}
            />
            <span>{t('register.token.confirm')}</span>
          </label>
        </div>
      )}
    </>
  );
}
