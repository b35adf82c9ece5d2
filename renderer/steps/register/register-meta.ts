import type { RegisterStep } from '../../../shared/domain/flow';
import type { StepMeta } from '../../components/flow-frame';

/** The PowerShell each step replaces; titles and sentences are in the catalogues (`register.steps`). */
export const REGISTER_META: Record<RegisterStep, StepMeta> = {
  'sign-in': { replaces: 'Connect-AzAccount -Environment' },
  subscription: { replaces: 'Select-AzSubscription' },
  token: { replaces: 'Get-Content <token file>' },
  names: { replaces: 'Register-AzsEnvironment -RegistrationName -ResourceGroupName -ResourceGroupLocation' },
  permissions: { replaces: 'Get-AzRoleAssignment / New-AzRoleDefinition' },
  register: { replaces: 'Register-AzsEnvironment + Get-AzsActivationKey' },
  save: { replaces: 'Get-AzsActivationKey -KeyOutputFilePath' },
  done: {},
};
