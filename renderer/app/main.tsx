import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { appStore } from '../store';
import { App } from './app';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');

void appStore.getState().init();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
