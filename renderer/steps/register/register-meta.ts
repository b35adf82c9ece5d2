import type { RegisterStep } from '../../../shared/domain/flow';
import type { StepMeta } from '../../components/flow-frame';

export const REGISTER_META: Record<RegisterStep, StepMeta> = {
  'sign-in': {
    title: 'Sign in',
    what: 'Signs in to the Azure cloud the stamp will be registered in.',
    replaces: 'Connect-AzAccount -Environment',
  },
  subscription: {
    title: 'Subscription',
    what: 'Choose the subscription that will hold the registration resource.',
    replaces: 'Select-AzSubscription',
  },
  token: {
    title: 'Registration token',
    what: 'Reads the token exported from the stamp and shows its content so you can compare it with the stamp screen.',
    replaces: 'Get-Content <token file>',
  },
  names: {
    title: 'Name and location',
    what: 'Names the registration resource and chooses where in Azure it is kept.',
    replaces: 'Register-AzsEnvironment -RegistrationName -ResourceGroupName -ResourceGroupLocation',
  },
  permissions: {
    title: 'Permissions',
    what: 'Checks that the signed-in account may create the registration, before anything is created.',
    replaces: 'Get-AzRoleAssignment / New-AzRoleDefinition',
  },
  register: {
    title: 'Register',
    what: 'Registers the resource provider, creates the resource group, the registration and its lock, then fetches the activation key.',
    replaces: 'Register-AzsEnvironment + Get-AzsActivationKey',
  },
  save: {
    title: 'Save key',
    what: 'Writes the activation key to the USB stick, reads it back and records its fingerprint.',
    replaces: 'Get-AzsActivationKey -KeyOutputFilePath',
  },
  done: {
    title: 'Next steps',
    what: 'The activation key is ready to go back to the stamp.',
  },
};
