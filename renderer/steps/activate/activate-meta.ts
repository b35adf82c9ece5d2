import type { ActivateStep } from '../../../shared/domain/flow';
import type { StepMeta } from '../../components/flow-frame';

export const ACTIVATE_META: Record<ActivateStep, StepMeta> = {
  connect: {
    title: 'Privileged endpoint',
    what: 'Uses the open session to the privileged endpoint, or opens a new one.',
    replaces: 'New-PSSession -ConfigurationName PrivilegedEndpoint',
  },
  key: {
    title: 'Activation key',
    what: 'Reads the key brought back from the connected host and checks it against this stamp.',
    replaces: 'Get-Content <key file>',
  },
  activate: {
    title: 'Activate',
    what: 'Creates the activation resource on the stamp with the key.',
    replaces: 'New-AzsActivationResource (New-AzureStackActivation)',
  },
  done: {
    title: 'Done',
    what: 'The stamp is registered and activated.',
  },
};
