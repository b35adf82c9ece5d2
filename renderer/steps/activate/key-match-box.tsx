import type { KeyMatch } from '../../../shared/domain';
import { KEY_SIGNATURE_NOTICE } from '../../../shared/domain';

const yesNo = (v: boolean | undefined, yes: string, no: string, unknown: string) => (v === undefined ? unknown : v ? yes : no);

/** What the offline checks can and cannot say about a key. */
export function KeyMatchBox({ match }: { match: KeyMatch }) {
  const good = match.matchesStamp !== false && !match.expired && match.problems.length === 0;
  return (
    <div className={good ? 'ok-box' : 'warn-box'} data-testid="key-match">
      <ul className="checks">
        <li className={match.matchesStamp === false ? 'check-fail' : 'check-ok'} data-testid="key-matches-stamp">
          {yesNo(
            match.matchesStamp,
            `Issued for this stamp (cloud ID ${match.stampCloudId ?? ''}).`,
            `Issued for another stamp: this stamp's cloud ID is ${match.stampCloudId ?? 'unknown'}.`,
            'Not compared with a stamp: connect to the privileged endpoint to check.',
          )}
        </li>
        {match.matchesToken !== undefined && (
          <li className={match.matchesToken ? 'check-ok' : 'check-fail'}>
            {match.matchesToken ? 'Answers the token exported from this stamp.' : 'Does not answer the token exported from this stamp.'}
          </li>
        )}
        <li className={match.expired ? 'check-fail' : 'check-ok'}>{match.expired ? 'Expired.' : 'Not expired.'}</li>
        {match.problems.map((p) => (
          <li key={p} className="check-fail">
            {p}
          </li>
        ))}
      </ul>
      {match.enables.length > 0 && (
        <>
          <p>Activating with this key enables:</p>
          <ul>
            {match.enables.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </>
      )}
      <p className="hint">{KEY_SIGNATURE_NOTICE}</p>
    </div>
  );
}
