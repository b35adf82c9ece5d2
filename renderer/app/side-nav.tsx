import { useTranslation } from '../i18n';
import type { Screen } from '../store';
import { appStore, useApp } from '../store';
import { NewLegButtons } from './new-leg';

const TASKS: Record<'stamp' | 'host', Screen[]> = {
  stamp: ['export', 'activate', 'deactivate', 'connected', 'change', 'remove-registration'],
  host: ['register', 'unregister', 'move', 'connected', 'change'],
};

/** The tasks for this side of the air gap, plus the hand-off record, the settings and (practice) the scenarios. */
export function SideNav() {
  const { t } = useTranslation();
  const side = useApp((s) => s.side);
  const screen = useApp((s) => s.screen);
  const practice = useApp((s) => s.info?.mode === 'practice');
  const open = appStore.getState().open;
  const item = (target: Screen) => (
    <li key={target}>
      <button type="button" className="nav-item" aria-current={screen === target ? 'page' : undefined} onClick={() => open(target)}>
        {target === 'connected' ? t('connected.nav') : target === 'change' ? t('lifecycle.nav.change') : target === 'remove-registration' ? t('lifecycle.nav.remove') : t(`nav.${target}`)}
      </button>
    </li>
  );
  return (
    <nav className="side-nav" aria-label={t('nav.label')}>
      {side && (
        <p className="side-label">
          {t('nav.thisMachine')} <strong>{t(`sides.${side}`)}</strong>
        </p>
      )}
      <NewLegButtons />
      <ul>
        {side && TASKS[side].map(item)}
        {item('handoffs')}
        {item('status')}
        {item('settings')}
        {practice && item('practice')}
        {item('about')}
      </ul>
      {side && (
        <button type="button" className="link-button" onClick={() => appStore.getState().chooseSide(null)}>
          {t('nav.changeSide')}
        </button>
      )}
    </nav>
  );
}
