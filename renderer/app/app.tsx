import { ModeBanner } from '../components/mode-banner';
import { ScopeProblem } from '../components/scope-problem';
import { ActivateFlow } from '../steps/activate/activate-flow';
import { RemoveActivationScreen } from '../steps/activate/remove-activation-screen';
import { ExportFlow } from '../steps/export/export-flow';
import { HandoffsScreen } from '../steps/handoffs-screen';
import { HomeScreen } from '../steps/home-screen';
import { MoveScreen } from '../steps/manage/move-screen';
import { UnregisterScreen } from '../steps/manage/unregister-screen';
import { PracticeScreen } from '../steps/practice-screen';
import { RegisterFlow } from '../steps/register/register-flow';
import { SettingsScreen } from '../steps/settings-screen';
import type { Screen } from '../store';
import { useApp } from '../store';
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
  }
}

export function App() {
  const screen = useApp((s) => s.screen);
  const version = useApp((s) => s.info?.version);
  return (
    <div className="app">
      <header className="app-header">
        <h1>AzS Registrar</h1>
        <span className="muted">Azure Stack Hub registration{version ? ` · ${version}` : ''}</span>
      </header>
      <ModeBanner />
      <div className="app-body">
        <SideNav />
        <main className="app-main">
          {screen !== 'handoffs' && <ScopeProblem scope="shell" />}
          <Current screen={screen} />
        </main>
      </div>
    </div>
  );
}
