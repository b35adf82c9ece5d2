import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Said } from '../../shared/contract/said';
import type { Catalogue, MainTexts, ScreensCatalogue } from './catalogue';
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
// The words of the screens after the first (renderer/app/screens.ts), read with those screens.
const screenCatalogues: Record<Language, () => Promise<ScreensCatalogue>> = {
  en: () => import('./en-screens').then((m) => m.enScreens),
  fr: () => import('./fr-screens').then((m) => m.frScreens),
};
let wanted: Language | undefined;
const screenTexts = new Map<Language, Promise<void>>();
let screensWanted = false;
const loadScreenTextsOf = (language: Language): Promise<void> => {
  let loading = screenTexts.get(language);
  if (!loading) {
    loading = screenCatalogues[language]().then((texts) => void i18next.addResourceBundle(language, 'translation', texts, true, true));
    screenTexts.set(language, loading);
  }
  return loading;
};
/** The screens' words in the UI language; from then on, a language switch loads them too before it applies. */
export const loadScreenTexts = (): Promise<void> => {
  screensWanted = true;
  return loadScreenTextsOf(wanted ?? 'en');
};
// Main's problems and sentences by code (catalogue.ts): English shows main's own words.
const mainTexts: Partial<Record<Language, () => Promise<MainTexts>>> = {
  fr: () => import('./fr-main').then((m) => m.frMain),
};
const mainTextsAsked = new Map<Language, Promise<void>>();

void i18next.use(initReactI18next).init({
  resources: {},
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
  // Screens showing main's words re-render in the UI language once its main texts are in.
  react: { bindI18nStore: 'added' },
});

/** Loads the catalogue of `language` (once) and makes it the UI language; the old one stays until it is in. */
export const switchLanguage = async (language: Language): Promise<void> => {
  wanted = language;
  if (!i18next.hasResourceBundle(language, 'translation')) i18next.addResourceBundle(language, 'translation', await catalogues[language](), true, true);
  if (screensWanted) await loadScreenTextsOf(language);
  // A later choice made while this catalogue loaded wins.
  if (wanted !== language) return;
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  // Not awaited: the first screen does not wait for them; until they are in, main's English shows.
  const loadMain = mainTexts[language];
  if (loadMain && !mainTextsAsked.has(language)) {
    mainTextsAsked.set(
      language,
      loadMain().then((texts) => void i18next.addResourceBundle(language, 'translation', texts, true, true)),
    );
  }
};

/** Main's texts of the UI language are in (the printable record waits for them before it renders). */
export const mainTextsLoaded = (): Promise<void> => mainTextsAsked.get(wanted ?? 'en') ?? Promise.resolve();

/**
 * Main's or the domain's sentence in the UI language: the language's words for its code, else main's English.
 * Its values are said too: numbers, dates and times in the UI language's format, sentences in the UI language.
 */
export const say = (s: Said): string => {
  if (!i18next.exists(`said.${s.code}`, { lng: i18next.language, fallbackLng: [] })) return s.text;
  const values = Object.fromEntries(
    Object.entries(s.values ?? {}).map(([name, v]) => [
      name,
      typeof v === 'string'
        ? v
        : typeof v === 'number'
          ? new Intl.NumberFormat(i18next.language).format(v)
          : 'at' in v
            ? new Intl.DateTimeFormat(i18next.language, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(v.at))
            : say(v),
    ]),
  );
  return i18next.t(`said.${s.code}`, values);
};

export const i18n = i18next;
export { useTranslation } from 'react-i18next';
