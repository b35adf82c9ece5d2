import type { Said } from '../../../shared/contract/said';
import { useEffect } from 'react';
import { ercsAddressProblem } from '../../../shared/domain';
import { say, useTranslation } from '../../i18n';
import { appStore, useApp } from '../../store';

const problemOf = (host: string): Said | undefined => (host.trim() === '' ? undefined : ercsAddressProblem(host));

/** At least one address, and every address typed is an IPv4 address, an IPv6 address or a host name. */
export const useHostsReady = (): boolean =>
  useApp((s) => s.stamp.hosts.some((h) => h.trim() !== '') && s.stamp.hosts.every((h) => problemOf(h) === undefined));

/** The addresses of the last sessions in this mode (main keeps them; never a user name or password), to use again or forget. */
function RecentErcs() {
  const { t } = useTranslation();
  const recent = useApp((s) => s.recentErcs);
  // Re-read whenever main says something changed (a mode or settings change, a new session).
  const generation = useApp((s) => s.generation);
  useEffect(() => {
    void appStore.getState().loadRecentErcs();
  }, [generation]);
  if (recent.length === 0) return null;
  return (
    <div className="recent-ercs" data-testid="recent-ercs">
      <p className="hint">{t('navigation.recentErcs')}</p>
      <ul>
        {recent.map((hosts) => {
          const list = hosts.join(', ');
          return (
            <li key={list}>
              <button type="button" className="secondary" onClick={() => appStore.getState().setHosts([...hosts])} aria-label={t('navigation.useErcs', { hosts: list })}>
                {list}
              </button>
              <button type="button" className="link-button" onClick={() => void appStore.getState().forgetErcs(hosts)} aria-label={t('navigation.forgetErcs', { hosts: list })}>
                {t('navigation.forget')}
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" className="link-button" onClick={() => void appStore.getState().forgetErcs()}>
        {t('navigation.forgetAll')}
      </button>
    </div>
  );
}

/** One to three ERCS VM addresses; the session tries them in order. */
export function ErcsHosts() {
  const { t } = useTranslation();
  const hosts = useApp((s) => s.stamp.hosts);
  const set = (i: number, value: string) => appStore.getState().setHosts(hosts.map((h, j) => (j === i ? value : h)));
  return (
    <fieldset className="ercs">
      <legend>{t('ercs.legend')}</legend>
      <p className="hint">{t('ercs.hint')}</p>
      <RecentErcs />
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
