import type { ActivateStep } from '../../../shared/domain/flow';
import type { StepMeta } from '../../components/flow-frame';

/** The PowerShell each step replaces; titles and sentences are in the catalogues (`activate.steps`). */
export const ACTIVATE_META: Record<ActivateStep, StepMeta> = {
  connect: { replaces: 'New-PSSession -ConfigurationName PrivilegedEndpoint', help: 'pep' },
  key: { replaces: 'Get-Content <key file>', help: 'activate' },
  activate: { replaces: 'New-AzsActivationResource (New-AzureStackActivation)', help: 'activate' },
  done: { help: 'renew' },
};
