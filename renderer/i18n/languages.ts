export { LANGUAGES, languageFor } from '../../shared/domain/languages';
export type { Language, LanguageChoice } from '../../shared/domain/languages';
