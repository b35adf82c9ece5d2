// The UI's languages, shared by the window (renderer/i18n) and main (its dialogs and menu, printed records).

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
/** What the operator chose: a language, or the operating system's. */
export type LanguageChoice = Language | 'auto';

/** The catalogue language for an OS locale (BCP 47): French for any French locale, English otherwise. */
export const languageFor = (locale: string | undefined): Language => (locale?.toLowerCase().startsWith('fr') ? 'fr' : 'en');
