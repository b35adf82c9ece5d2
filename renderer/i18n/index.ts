import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Catalogue } from './catalogue';
import type { Language } from './languages';

import { LANGUAGES } from './languages';

export { LANGUAGES, languageFor } from './languages';
export type { Language, LanguageChoice } from './languages';

// Every word the UI shows comes from these catalogues (test/unit/renderer/i18n checks both are
// complete and that no renderer file writes UI text outside them). Each catalogue is its own chunk,
// loaded when its language is first used: the window loads only the language it shows (main.tsx
// waits for it before the first render).
const catalogues: Record<Language, () => Promise<Catalogue>> = {
  en: () => import('./en').then((m) => m.en),
  fr: () => import('./fr').then((m) => m.fr),
};

void i18next.use(initReactI18next).init({
  resources: {},
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

let wanted: Language | undefined;
/** Loads the catalogue of `language` (once) and makes it the UI language; the old one stays until it is in. */
export const switchLanguage = async (language: Language): Promise<void> => {
  wanted = language;
  if (!i18next.hasResourceBundle(language, 'translation')) i18next.addResourceBundle(language, 'translation', await catalogues[language]());
  // A later choice made while this catalogue loaded wins.
  if (wanted !== language) return;
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
};

export const i18n = i18next;
export { useTranslation } from 'react-i18next';
