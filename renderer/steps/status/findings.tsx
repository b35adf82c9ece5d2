import type { Finding, FixFlow } from '../../../shared/domain/registration-status';
import { useTranslation } from '../../i18n';
import type { Screen } from '../../store';
import { appStore } from '../../store';

/** Where each fix runs: the side of the air gap and the screen. */
const FIXES: Record<FixFlow, { side: 'stamp' | 'host'; screen: Screen }> = {
  export: { side: 'stamp', screen: 'export' },
  register: { side: 'host', screen: 'register' },
  deactivate: { side: 'stamp', screen: 'deactivate' },
  unregister: { side: 'host', screen: 'unregister' },
  move: { side: 'host', screen: 'move' },
};

const go = (fix: FixFlow) => {
  const { side, screen } = FIXES[fix];
  appStore.getState().chooseSide(side);
  appStore.getState().open(screen);
};

/** Where the two sides disagree, in plain words, each with the flows that put it right. */
export function Findings({ findings }: { findings: Finding[] }) {
  const { t } = useTranslation();
  if (findings.length === 0) {
    return (
      <p className="notice" data-testid="status-agree">
        {t('status.agree')}
      </p>
    );
  }
  return (
    <ul className="findings" aria-label={t('status.findingsLabel')}>
      {findings.map((f) => (
        <li key={f.code} className="notice" data-testid={`finding-${f.code}`}>
          <p>{t(`status.findings.${f.code}`, f.params)}</p>
          {f.fixes.length > 0 && (
            <p>
              {t('status.fixWith')}{' '}
              {f.fixes.map((fix, i) => (
                <button key={fix} type="button" className="secondary" onClick={() => go(fix)} data-testid={`fix-${fix}`}>
                  {i + 1}. {t(`status.fixes.${fix}`)}
                </button>
              ))}
            </p>
          )}
          {f.change && (
            <p>
              <button type="button" onClick={() => f.change && appStore.getState().openChange(f.change)} data-testid={`change-${f.change}`}>
                {t('status.openChange', { change: t(`lifecycle.purposes.${f.change}`) })}
              </button>
            </p>
          )}
          {f.code !== 'not-registered' && f.code !== 'lock-missing' && <p className="hint">{t('status.connectedNote')}</p>}
        </li>
      ))}
    </ul>
  );
}
