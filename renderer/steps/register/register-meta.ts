import type { RegisterStep } from '../../../shared/domain/flow';
import type { StepMeta } from '../../components/flow-frame';

/** The PowerShell each step replaces; titles and sentences are in the catalogues (`register.steps`). */
export const REGISTER_META: Record<RegisterStep, StepMeta> = {
  'sign-in': { replaces: 'Connect-AzAccount -Environment', help: 'register' },
  subscription: { replaces: 'Select-AzSubscription', help: 'register' },
  token: { replaces: 'Get-Content <token file>', help: 'register' },
  names: { replaces: 'Register-AzsEnvironment -RegistrationName -ResourceGroupName -ResourceGroupLocation', help: 'register' },
  permissions: { replaces: 'Get-AzRoleAssignment / New-AzRoleDefinition', help: 'permissions' },
  register: { replaces: 'Register-AzsEnvironment + Get-AzsActivationKey', help: 'register' },
  save: { replaces: 'Get-AzsActivationKey -KeyOutputFilePath', help: 'key' },
  done: { help: 'activate' },
};
