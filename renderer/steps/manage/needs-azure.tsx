import type { ReactNode } from 'react';
import { appStore, useApp } from '../../store';

/** Maintenance screens work in the signed-in subscription chosen in the register flow. */
export function NeedsAzure({ children }: { children: ReactNode }) {
  const account = useApp((s) => s.reg.account);
  const sub = useApp((s) => s.reg.subscriptions.find((x) => x.id === s.reg.subscriptionId));
  if (!account || !sub) {
    return (
      <div className="notice">
        <p>Sign in to Azure and choose the subscription first.</p>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            appStore.getState().open('register');
            appStore.getState().goRegister(account ? 'subscription' : 'sign-in');
          }}
        >
          Go to sign-in
        </button>
      </div>
    );
  }
  return (
    <>
      <p className="muted">
        Subscription <strong>{sub.displayName}</strong> ({sub.id}), signed in as {account.username}.
      </p>
      {children}
    </>
  );
}
