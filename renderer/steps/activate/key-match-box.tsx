import type { KeyMatch } from '../../../shared/domain';
import { KEY_SIGNATURE_NOTICE } from '../../../shared/domain';
import { say, useTranslation } from '../../i18n';

/** What the offline checks can and cannot say about a key. A key for another stamp is an error, said once, with the fix. */
export function KeyMatchBox({ match }: { match: KeyMatch }) {
  const { t } = useTranslation();
  if (match.matchesStamp === false) {
    return (
      <div className="problem" role="alert" data-testid="key-match">
        <p className="problem-message" data-testid="key-matches-stamp">
          {t('key.otherStamp', { cloudId: match.stampCloudId ?? '' })}
        </p>
        <p className="problem-action">{t('key.otherStampFix')}</p>
      </div>
    );
  }
  const good = !match.expired && match.problems.length === 0;
  return (
    <div className={good ? 'ok-box' : 'warn-box'} data-testid="key-match">
      <ul className="checks">
        <li className="check-ok" data-testid="key-matches-stamp">
          {match.matchesStamp === undefined ? t('key.notCompared') : t('key.thisStamp', { cloudId: match.stampCloudId ?? '' })}
        </li>
        {match.matchesToken !== undefined && (
          <li className={match.matchesToken ? 'check-ok' : 'check-fail'}>{t(match.matchesToken ? 'key.answersToken' : 'key.notToken')}</li>
        )}
        <li className={match.expired ? 'check-fail' : 'check-ok'}>{t(match.expired ? 'key.expired' : 'key.notExpired')}</li>
        {match.problems.map((p) => (
          <li key={p.code} className="check-fail">
            {say(p)}
          </li>
        ))}
      </ul>
      {match.enables.length > 0 && (
        <>
          <p>{t('key.enables')}</p>
          <ul>
            {match.enables.map((e) => (
              <li key={e.code}>{say(e)}</li>
            ))}
          </ul>
        </>
      )}
      <p className="hint">{say(KEY_SIGNATURE_NOTICE)}</p>
    </div>
  );
}
