import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { appStore } from '../store';
import { switchLanguage } from '../i18n';
import { App, loadScreens } from './app';
import { firstLanguage } from './language';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');

void appStore.getState().init();
// The first render waits for its language's catalogue (one small chunk), so no other language flashes first.
void firstLanguage(appStore)
  .then(switchLanguage)
  .then(() => {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
    // Once the first screen is rendered, the other screens' chunk is read ahead (from the app's own files),
    // so the first step into a flow does not wait for it.
    void loadScreens();
  });
