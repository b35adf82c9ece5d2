// The screens the app loads on demand, as one chunk (app.tsx).
export { AboutScreen } from '../steps/about-screen';
export { ActivateFlow } from '../steps/activate/activate-flow';
export { ChangeScreen } from '../steps/lifecycle/change-screen';
export { ConnectedScreen } from '../steps/connected/connected-screen';
export { ExportFlow } from '../steps/export/export-flow';
export { HandoffsScreen } from '../steps/handoffs-screen';
export { MoveScreen } from '../steps/manage/move-screen';
export { PracticeScreen } from '../steps/practice-screen';
export { RegisterFlow } from '../steps/register/register-flow';
export { RemoveActivationScreen } from '../steps/activate/remove-activation-screen';
export { RemoveRegistrationScreen } from '../steps/lifecycle/remove-registration-screen';
export { SettingsScreen } from '../steps/settings-screen';
export { StatusScreen } from '../steps/status/status-screen';
export { UnregisterScreen } from '../steps/manage/unregister-screen';
