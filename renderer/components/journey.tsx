import { useTranslation } from '../i18n';
import type { AppState } from '../store/types';
import { useApp } from '../store';
import { PurposeTag } from './purpose-tag';

type Station = 'stamp-export' | 'usb-token' | 'host' | 'usb-key' | 'stamp-activate';
const STATIONS: Station[] = ['stamp-export', 'usb-token', 'host', 'usb-key', 'stamp-activate'];

/** Where the journey is: the leg of the screen in view (a side screen shows none). */
const CURRENT: Partial<Record<AppState['screen'], Station>> = { export: 'stamp-export', register: 'host', activate: 'stamp-activate' };

/** The hand-off the screen in view works on, if any. */
export const handoffInView = (s: AppState) => {
  const id = s.screen === 'export' ? s.exp.handoffId : s.screen === 'register' ? s.reg.handoffId : s.screen === 'activate' ? s.act.handoffId : undefined;
  return s.handoffs.find((h) => h.id === id);
};

/** How far a hand-off has come, as the last station it reached. */
const REACHED: Record<string, Station> = {
  'token-created': 'stamp-export',
  'token-saved': 'usb-token',
  'token-received': 'host',
  registered: 'host',
  'key-issued': 'host',
  'key-saved': 'usb-key',
  'key-received': 'usb-key',
  activating: 'stamp-activate',
  activated: 'stamp-activate',
  'activation-confirmed': 'stamp-activate',
};

/** The whole air-gap journey on every screen: stamp → USB → connected host → USB → stamp. */
export function Journey() {
  const { t } = useTranslation();
  const side = useApp((s) => s.side);
  const current = useApp((s) => CURRENT[s.screen]);
  const handoff = useApp(handoffInView);
  const reached = handoff ? STATIONS.indexOf(REACHED[handoff.stage] ?? 'stamp-export') : -1;
  const here = (st: Station) => (side === 'host' ? st === 'host' : side === 'stamp' ? st.startsWith('stamp') : false);
  return (
    <ol className="journey" aria-label={t('journey.label')} data-testid="journey">
      {STATIONS.map((st, i) => (
        <li
          key={st}
          className={['journey-station', `journey-${st.split('-')[0] ?? ''}`, i <= reached ? 'journey-reached' : '', st === current ? 'journey-current' : ''].join(' ')}
          aria-current={st === current ? 'step' : undefined}
        >
          <span className="journey-icon" aria-hidden="true">
            {st.startsWith('usb') ? '⇄' : st === 'host' ? '☁' : '▦'}
          </span>
          <span className="journey-name">{t(`journey.${st}`)}</span>
          {here(st) && <span className="journey-here">{t('journey.here')}</span>}
        </li>
      ))}
    </ol>
  );
}

/** While a hand-off is open, which stamp and registration it is about. */
export function HandoffPin() {
  const { t } = useTranslation();
  const handoff = useApp(handoffInView);
  if (!handoff || handoff.complete || handoff.stage === 'archived') return null;
  return (
    <p className="handoff-pin" data-testid="handoff-pin">
      <PurposeTag purpose={handoff.purpose} testId="handoff-pin-purpose" /> {t('journey.pin', { cloudId: handoff.cloudId })}
      {handoff.registrationName && ` · ${handoff.registrationName}`}
    </p>
  );
}
