import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n';
import { appStore, useApp } from '../../store';

/** Maintenance screens work in the signed-in subscription chosen in the register flow. */
export function NeedsAzure({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const account = useApp((s) => s.reg.account);
  const sub = useApp((s) => s.reg.subscriptions.find((x) => x.id === s.reg.subscriptionId));
  if (!account || !sub) {
    return (
      <div className="notice">
        <p>{t('manage.signInFirst')}</p>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            appStore.getState().open('register');
            appStore.getState().goRegister(account ? 'subscription' : 'sign-in');
          }}
        >
          {t('manage.goSignIn')}
        </button>
      </div>
    );
  }
  return (
    <>
      <p className="muted">{t('manage.context', { subscription: `${sub.displayName} (${sub.id})`, user: account.username })}</p>
      {children}
    </>
  );
}
