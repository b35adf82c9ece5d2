// Dates in activation keys. Azure writes `expires` as ISO-8601 UTC with seven fraction digits, as
// .NET's round-trip format does (`9999-12-30T23:59:59.9999999Z` in the published sample). Only the
// ISO form is read: a culture-dependent form (`01/01/2020 00:00:00`) means different days on
// different machines, so it is refused rather than guessed. One explicit scan, no regex.

const digitsAt = (s: string, at: number, n: number): number => {
  let v = 0;
  for (let k = 0; k < n; k += 1) {
    const d = s.charCodeAt(at + k) - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    v = v * 10 + d;
  }
  return v;
};

const daysIn = (year: number, month: number): number =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/**
 * Reads `YYYY-MM-DD`, optionally followed by `Thh:mm[:ss[.fraction]]` and a zone (`Z`, `±hh:mm` or
 * `±hhmm`). Without a zone the instant is taken as UTC (a date alone means midnight UTC). Every
 * field is range-checked (no 13th month, no 31 February): undefined for anything else.
 */
export const parseInstant = (text: string): Date | undefined => {
  const s = text.trim();
  const year = digitsAt(s, 0, 4);
  const month = s[4] === '-' ? digitsAt(s, 5, 2) : -1;
  const day = s[7] === '-' ? digitsAt(s, 8, 2) : -1;
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  let at = 10;
  let [hour, minute, second, ms, offset] = [0, 0, 0, 0, 0];
  if (at < s.length && (s[at] === 'T' || s[at] === 't' || s[at] === ' ')) {
    hour = digitsAt(s, at + 1, 2);
    minute = s[at + 3] === ':' ? digitsAt(s, at + 4, 2) : -1;
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return undefined;
    at += 6;
    if (s[at] === ':') {
      second = digitsAt(s, at + 1, 2);
      if (second < 0 || second > 59) return undefined;
      at += 3;
      if (s[at] === '.') {
        let n = 0;
        while (n < 9 && digitsAt(s, at + 1 + n, 1) >= 0) n += 1;
        if (n === 0 || digitsAt(s, at + 1 + n, 1) >= 0) return undefined;
        ms = Math.floor(digitsAt(s, at + 1, n) / 10 ** Math.max(0, n - 3)) * 10 ** Math.max(0, 3 - n);
        at += 1 + n;
      }
    }
    if (s[at] === 'Z' || s[at] === 'z') at += 1;
    else if (s[at] === '+' || s[at] === '-') {
      const colon = s[at + 3] === ':' ? 1 : 0;
      const oh = digitsAt(s, at + 1, 2);
      const om = digitsAt(s, at + 3 + colon, 2);
      if (oh < 0 || oh > 14 || om < 0 || om > 59) return undefined;
      offset = (s[at] === '-' ? -1 : 1) * (oh * 60 + om);
      at += 5 + colon;
    }
  }
  if (at !== s.length) return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60_000;
  return new Date(utc);
};
