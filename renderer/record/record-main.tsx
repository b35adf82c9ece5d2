import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RECORD_LANGUAGES } from '../../shared/domain/handoff-record';
import type { RecordLanguage } from '../../shared/domain/handoff-record';
import { loadScreenTexts, mainTextsLoaded, switchLanguage } from '../i18n';
import { RecordPage } from './record-page';

// The printable record of one hand-off: main's hidden print window (and the browser tests) open
// record.html?handoff=<id>&lang=<en|fr>. No store, no events: one read of `handoff.record`.

const params = new URLSearchParams(window.location.search);
const lang = params.get('lang');
const language: RecordLanguage = RECORD_LANGUAGES.find((l) => l === lang) ?? 'en';
const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
// The page renders once its language's catalogue, the screens' words it shares and main's sentences (its
// history notes) are in: chunks of their own.
void switchLanguage(language)
  .then(loadScreenTexts)
  .then(mainTextsLoaded)
  .then(() =>
  createRoot(root).render(
    <StrictMode>
      <RecordPage handoffId={params.get('handoff') ?? ''} />
    </StrictMode>,
  ),
);
