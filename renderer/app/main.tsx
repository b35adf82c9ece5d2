import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { appStore } from '../store';
import { switchLanguage } from '../i18n';
import { App } from './app';
import { firstLanguage } from './language';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');

void appStore.getState().init();
// The first render waits for its language's catalogue (one small chunk), so no other language flashes first.
void firstLanguage(appStore)
  .then(switchLanguage)
  .then(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
