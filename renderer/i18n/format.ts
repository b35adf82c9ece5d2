import { i18n } from './index';

// Dates and numbers in the UI language (Intl), never the machine's default format.

export const formatDateTime = (iso: string): string =>
  new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));

export const formatNumber = (n: number, options?: Intl.NumberFormatOptions): string => new Intl.NumberFormat(i18n.language, options).format(n);
