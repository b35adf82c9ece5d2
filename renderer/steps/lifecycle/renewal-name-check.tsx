import { useEffect } from 'react';
import { renewalNameProblem } from '../../../shared/domain';
import { useTranslation } from '../../i18n';
import { appStore, useApp } from '../../store';

/**
 * Names step of a renewal: REGDOC's rule that a renewed Capacity registration needs a new unique
 * name unless the old one is deleted first. Reads Azure only for renewals.
 */
export function RenewalNameCheck() {
  const { t } = useTranslation();
  const purpose = useApp((s) => s.handoffs.find((h) => h.id === s.reg.handoffId)?.purpose);
  const name = useApp((s) => s.reg.registrationName.trim());
  const rg = useApp((s) => s.reg.resourceGroup.trim());
  const check = useApp((s) => s.life.renewalCheck);
  useEffect(() => {
    if (purpose !== 'renewal' || !name || !rg) return;
    const timer = setTimeout(() => void appStore.getState().checkRenewalName(), 400);
    return () => clearTimeout(timer);
  }, [purpose, name, rg]);
  if (purpose !== 'renewal') return null;
  const current = check && check.registrationName === name && check.resourceGroup === rg ? check : undefined;
  const problem = current ? renewalNameProblem(purpose, name, current.existing ?? undefined) : undefined;
  if (!current) return <p className="hint">{t('lifecycle.renewal.checking')}</p>;
  if (!problem) {
    return (
      <p className="ok-box" role="status" data-testid="renewal-name-free">
        {t('lifecycle.renewal.free', { name })}
      </p>
    );
  }
  return (
    <div className="warn-box" role="alert" data-testid="renewal-name-taken">
      <p>
        <strong>{t('lifecycle.renewal.taken', { name, id: current.existing?.id ?? '' })}</strong>
      </p>
      <p>{t('lifecycle.renewal.fix', { name })}</p>
      <button type="button" className="secondary" onClick={() => appStore.getState().setRegister({ registrationName: problem.suggestion })}>
        {t('lifecycle.renewal.useName', { name: problem.suggestion })}
      </button>
      <button type="button" className="link-button" onClick={() => appStore.getState().open('unregister')}>
        {t('lifecycle.renewal.unregisterFirst')}
      </button>
    </div>
  );
}
