import { lazy, Suspense, useEffect } from 'react';
import { useFinishNotifications } from '../components/finish-notifications';
import { useFocusRescue } from '../components/focus-rescue';
import { HandoffPin, Journey } from '../components/journey';
import { ModeBanner } from '../components/mode-banner';
import { ScopeProblem } from '../components/scope-problem';
import { LANGUAGES, loadScreenTexts, switchLanguage, useTranslation } from '../i18n';
import type { LanguageChoice } from '../i18n';
import { HomeScreen } from '../steps/home-screen';
import type { Screen } from '../store';
import { appStore, useApp } from '../store';
import { uiLanguage } from './language';
import type * as Screens from './screens';
import { NewLegDialog, useNewLegShortcuts } from './new-leg';
import { SideNav } from './side-nav';

// Every screen but the first comes in one chunk (screens.ts), read right after the first render: the window
// starts with what the home screen needs (npm run bench prints both sizes). Once read, screens render
// directly; a screen opened before (a reload on a flow's step) suspends until the chunk is in.
let screens: typeof Screens | undefined;
export const loadScreens = () => Promise.all([import('./screens'), loadScreenTexts()]).then(([m]) => (screens = m));
const lazyScreen = (name: keyof typeof Screens) => {
  const Lazy = lazy(() => loadScreens().then((m) => ({ default: m[name] })));
  return function Screen() {
    const Loaded = screens?.[name];
    return Loaded ? <Loaded /> : <Lazy />;
  };
};
const AboutScreen = lazyScreen('AboutScreen');
const ActivateFlow = lazyScreen('ActivateFlow');
const ChangeScreen = lazyScreen('ChangeScreen');
const ConnectedScreen = lazyScreen('ConnectedScreen');
const ExportFlow = lazyScreen('ExportFlow');
const HandoffsScreen = lazyScreen('HandoffsScreen');
const MoveScreen = lazyScreen('MoveScreen');
const PracticeScreen = lazyScreen('PracticeScreen');
const RegisterFlow = lazyScreen('RegisterFlow');
const RemoveActivationScreen = lazyScreen('RemoveActivationScreen');
const RemoveRegistrationScreen = lazyScreen('RemoveRegistrationScreen');
const SettingsScreen = lazyScreen('SettingsScreen');
const StatusScreen = lazyScreen('StatusScreen');
const UnregisterScreen = lazyScreen('UnregisterScreen');

function Current({ screen }: { screen: Screen }) {
  switch (screen) {
    case 'home':
      return <HomeScreen />;
    case 'export':
      return <ExportFlow />;
    case 'register':
      return <RegisterFlow />;
    case 'activate':
      return <ActivateFlow />;
    case 'deactivate':
      return <RemoveActivationScreen />;
    case 'handoffs':
      return <HandoffsScreen />;
    case 'unregister':
      return <UnregisterScreen />;
    case 'move':
      return <MoveScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'practice':
      return <PracticeScreen />;
    case 'status':
      return <StatusScreen />;
    case 'about':
      return <AboutScreen />;
    case 'change':
      return <ChangeScreen />;
    case 'remove-registration':
      return <RemoveRegistrationScreen />;
    case 'connected':
      return <ConnectedScreen />;
  }
}

/** Keeps the UI in the operator's language (its catalogue loads on first use). */
const useLanguage = () => {
  const language = useApp(uiLanguage);
  useEffect(() => {
    void switchLanguage(language);
    appStore.getState().languageShown(language);
  }, [language]);
};

function LanguageSwitch() {
  const { t } = useTranslation();
  const choice = useApp((s) => s.language);
  return (
    <label className="language">
      <span>{t('app.language')}</span>
      <select value={choice} onChange={(e) => appStore.getState().setLanguage(e.target.value as LanguageChoice)}>
        <option value="auto">{t('app.languageAuto')}</option>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`app.languageName.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function App() {
  const { t } = useTranslation();
  useLanguage();
  useFocusRescue();
  useFinishNotifications();
  useNewLegShortcuts();
  const screen = useApp((s) => s.screen);
  const version = useApp((s) => s.info?.version);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="app-header">
        <h1>{t('app.name')}</h1>
        <span className="muted">{version ? t('app.taglineVersion', { version }) : t('app.tagline')}</span>
        <HandoffPin />
        <LanguageSwitch />
      </header>
      <ModeBanner />
      <div className="app-body">
        <SideNav />
        <main className="app-main" id="main" tabIndex={-1}>
          <Journey />
          {screen !== 'handoffs' && <ScopeProblem scope="shell" />}
          <Suspense fallback={null}>
            <Current screen={screen} />
          </Suspense>
        </main>
      </div>
      <NewLegDialog />
    </div>
  );
}
