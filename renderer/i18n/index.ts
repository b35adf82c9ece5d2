import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { fr } from './fr';

import { LANGUAGES } from './languages';

export { LANGUAGES, languageFor } from './languages';
export type { Language, LanguageChoice } from './languages';

// Every word the UI shows comes from these catalogues (test/unit/renderer/i18n checks both are
// complete and that no renderer file writes UI text outside them). Resources are bundled: no loading.
void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, fr: { translation: fr } },
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

export const i18n = i18next;
export { useTranslation } from 'react-i18next';
