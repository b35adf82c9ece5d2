import { useEffect } from 'react';
import { say, useTranslation } from '../../i18n';
import { appStore, useApp } from '../../store';

/** The Azure subscription the registration resource will live in. */
export function SubscriptionStep() {
  const { t } = useTranslation();
  const subs = useApp((s) => s.reg.subscriptions);
  const chosen = useApp((s) => s.reg.subscriptionId);
  const signedIn = useApp((s) => s.reg.account !== undefined);
  useEffect(() => {
    if (signedIn && appStore.getState().reg.subscriptions.length === 0) void appStore.getState().loadSubscriptions();
  }, [signedIn]);
  if (!signedIn) return <p className="notice">{t('gate.signIn')}</p>;
  return (
    <fieldset className="subscriptions">
      <legend>{t('facts.subscription')}</legend>
      {subs.length === 0 && <p className="hint">{t('subscriptions.none')}</p>}
      {subs.map((s) => (
        <label key={s.id} className="choice">
          <input
            type="radio"
            name="subscription"
            checked={chosen === s.id}
            disabled={s.refusal !== undefined}
            aria-describedby={s.refusal ? `sub-refusal-${s.id}` : undefined}
            onChange={() => appStore.getState().setRegister({ subscriptionId: s.id })}
          />
          <span>
            <strong>{s.displayName}</strong> <span className="tag">{s.offer}</span>
            {s.state !== 'Enabled' && <span className="tag tag-warn">{s.state}</span>}
            <span className="muted block">{s.id}</span>
            {s.refusal && (
              <span id={`sub-refusal-${s.id}`} className="warning block" data-testid="subscription-refusal">
                {say(s.refusal)}
              </span>
            )}
            {s.warnings.map((w) => (
              <span key={w.code} className="warning block">
                {say(w)}
              </span>
            ))}
          </span>
        </label>
      ))}
      <button type="button" className="secondary" onClick={() => void appStore.getState().loadSubscriptions()}>
        {t('common.refresh')}
      </button>
    </fieldset>
  );
}
