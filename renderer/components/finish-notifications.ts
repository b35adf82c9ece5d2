import { useEffect } from 'react';
import { i18n } from '../i18n';
import { appStore } from '../store';

/**
 * A long operation (activation takes up to 30 minutes) that ends while the window is in the background
 * is announced with a desktop notification; in the foreground the screen says it already.
 */
export const useFinishNotifications = (): void => {
  useEffect(
    () =>
      appStore.subscribe((state, prior) => {
        if (document.visibilityState === 'visible' && document.hasFocus()) return;
        if (typeof Notification === 'undefined' || Notification.permission === 'denied') return;
        for (const op of Object.values(state.ops)) {
          if (!op.finished || prior.ops[op.operationId]?.finished || !prior.ops[op.operationId]) continue;
          const body = i18n.t('notify.body', { what: i18n.t(`notify.kinds.${op.kind}`), status: i18n.t(`operation.status.${op.status}`) });
          new Notification(i18n.t('app.name'), { body, tag: op.operationId });
        }
      }),
    [],
  );
};
