import { useEffect } from 'react';
import { useFinishNotifications } from '../components/finish-notifications';
import { useFocusRescue } from '../components/focus-rescue';
import { HandoffPin, Journey } from '../components/journey';
import { ModeBanner } from '../components/mode-banner';
import { ScopeProblem } from '../components/scope-problem';
import { i18n, languageFor, LANGUAGES, useTranslation } from '../i18n';
import type { LanguageChoice } from '../i18n';
import { AboutScreen } from '../steps/about-screen';
import { ActivateFlow } from '../steps/activate/activate-flow';
import { ConnectedScreen } from '../steps/connected/connected-screen';
import { RemoveActivationScreen } from '../steps/activate/remove-activation-screen';
import { ExportFlow } from '../steps/export/export-flow';
import { HandoffsScreen } from '../steps/handoffs-screen';
import { HomeScreen } from '../steps/home-screen';
import { ChangeScreen } from '../steps/lifecycle/change-screen';
import { RemoveRegistrationScreen } from '../steps/lifecycle/remove-registration-screen';
import { MoveScreen } from '../steps/manage/move-screen';
import { UnregisterScreen } from '../steps/manage/unregister-screen';
import { PracticeScreen } from '../steps/practice-screen';
import { RegisterFlow } from '../steps/register/register-flow';
import { SettingsScreen } from '../steps/settings-screen';
import type { Screen } from '../store';
import { appStore, useApp } from '../store';
import { NewLegDialog, useNewLegShortcuts } from './new-leg';
import { SideNav } from './side-nav';

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

/** The UI language: the operator's choice, else the OS locale main reported. */
const useLanguage = () => {
  const choice = useApp((s) => s.language);
  const locale = useApp((s) => s.info?.locale);
  const language = choice === 'auto' ? languageFor(locale) : choice;
  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
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
          <Current screen={screen} />
        </main>
      </div>
      <NewLegDialog />
    </div>
  );
}
