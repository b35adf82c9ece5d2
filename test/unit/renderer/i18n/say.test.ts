import { afterAll, describe, expect, it } from 'vitest';
import { said } from '../../../../shared/contract/said';
import { i18n, say } from '../../../../renderer/i18n';
import { frMain } from '../../../../renderer/i18n/fr-main';

// Main's sentences in the UI language: the words of their code, with their values said too — numbers in the
// language's format, sentences of ours (a retry's reason) in the language; English shows main's own words.

const retry = said('progress.retry-asked', 'Azure asked to wait 2.5 s (throttled (429)), then retrying (1 of 4).', {
  seconds: 2.5,
  reason: said('retry.throttled', 'throttled (429)'),
  attempt: 1,
  limit: 4,
});

describe('say', () => {
  afterAll(() => i18n.changeLanguage('en'));

  it('says a sentence and its values in French, numbers written the French way', async () => {
    i18n.addResourceBundle('fr', 'translation', frMain, true, true);
    await i18n.changeLanguage('fr');
    expect(say(retry)).toBe('Azure a demandé d’attendre 2,5 s (limitation du débit (429)), puis nouvel essai (1 sur 4).');
    // Words passed on as they are (Windows' own, an address) stay as they came.
    expect(say(said('session.address-failed', 'x', { address: '10.0.0.224', reason: 'Accès refusé.' }))).toBe('10.0.0.224 n’a pas ouvert de session : Accès refusé.');
    // An instant in the French date format, not ISO.
    const until = say(said('key.valid-until', 'The registration is valid until 2027-03-01T12:00:00.000Z.', { date: { at: '2027-03-01T12:00:00.000Z' } }));
    expect(until).toMatch(/^L’inscription est valable jusqu’au 1 mars 2027/);
  });

  it('shows main\'s English in English', async () => {
    await i18n.changeLanguage('en');
    expect(say(retry)).toBe(retry.text);
  });
});
