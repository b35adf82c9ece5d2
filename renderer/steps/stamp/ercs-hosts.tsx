import type { Said } from '../../../shared/contract/said';
import { ercsAddressProblem } from '../../../shared/domain';
import { say, useTranslation } from '../../i18n';
import { appStore, useApp } from '../../store';

const problemOf = (host: string): Said | undefined => (host.trim() === '' ? undefined : ercsAddressProblem(host));

/** At least one address, and every address typed is an IPv4 address, an IPv6 address or a host name. */
export const useHostsReady = (): boolean =>
  useApp((s) => s.stamp.hosts.some((h) => h.trim() !== '') && s.stamp.hosts.every((h) => problemOf(h) === undefined));

/** One to three ERCS VM addresses; the session tries them in order. */
export function ErcsHosts() {
  const { t } = useTranslation();
  const hosts = useApp((s) => s.stamp.hosts);
  const set = (i: number, value: string) => appStore.getState().setHosts(hosts.map((h, j) => (j === i ? value : h)));
  return (
    <fieldset className="ercs">
      <legend>{t('ercs.legend')}</legend>
      <p className="hint">{t('ercs.hint')}</p>
      {hosts.map((h, i) => {
        const problem = problemOf(h);
        return (
        <div key={i} className={problem ? 'row field-invalid' : 'row'}>
          <label htmlFor={`ercs-${i}`} className="inline-label">
            {t('ercs.label', { n: i + 1 })}
          </label>
          <input
            id={`ercs-${i}`}
            value={h}
            onChange={(e) => set(i, e.target.value)}
            placeholder={t('ercs.placeholder')}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={problem !== undefined}
            aria-describedby={problem ? `ercs-${i}-error` : undefined}
          />
          {hosts.length > 1 && (
            <button
              type="button"
              className="link-button"
              aria-label={t('ercs.removeLabel', { n: i + 1 })}
              onClick={() => appStore.getState().setHosts(hosts.filter((_, j) => j !== i))}
            >
              {t('common.remove')}
            </button>
          )}
          {problem && (
            <p className="field-error" id={`ercs-${i}-error`} role="alert">
              {say(problem)}
            </p>
          )}
        </div>
        );
      })}
      {hosts.length < 3 && (
        <button type="button" className="secondary" onClick={() => appStore.getState().setHosts([...hosts, ''])}>
          {t('ercs.add')}
        </button>
      )}
    </fieldset>
  );
}
