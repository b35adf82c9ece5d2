import { languageFor } from '../i18n';
import type { Language } from '../i18n';
import type { appStore } from '../store';
import type { AppState } from '../store/types';

/** The UI language: the operator's choice, else the OS locale main reported. */
export const uiLanguage = (s: AppState): Language => (s.language === 'auto' ? languageFor(s.info?.locale) : s.language);

/**
 * The language of the first screen, so the window loads one catalogue and never shows another first: the
 * operator's choice, else the OS locale once main's app.info answered (English when it could not).
 */
export const firstLanguage = (store: typeof appStore): Promise<Language> =>
  new Promise((resolve) => {
    const settled = (s: AppState) => s.language !== 'auto' || s.info !== null || s.problems.shell !== undefined;
    if (settled(store.getState())) return resolve(uiLanguage(store.getState()));
    const stop = store.subscribe((s) => {
      if (!settled(s)) return;
      stop();
      resolve(uiLanguage(s));
    });
  });
