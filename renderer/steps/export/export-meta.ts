import type { ExportStep } from '../../../shared/domain/flow';
import type { StepMeta } from '../../components/flow-frame';

export const EXPORT_META: Record<ExportStep, StepMeta> = {
  preflight: {
    title: 'Connection check',
    what: 'Checks that this machine can open a PowerShell remoting session to the privileged endpoint before you type a password.',
    replaces: 'Test-WSMan / Get-Item WSMan:\\localhost\\Client\\TrustedHosts',
  },
  connect: {
    title: 'Privileged endpoint',
    what: 'Opens a session to the privileged endpoint with the CloudAdmin account; the password is used once and never stored.',
    replaces: 'New-PSSession -ConfigurationName PrivilegedEndpoint',
  },
  stamp: {
    title: 'Stamp information',
    what: 'Shows what the stamp reported about itself; its cloud ID identifies the registration in Azure.',
    replaces: 'Get-AzureStackStampInformation',
  },
  billing: {
    title: 'Billing',
    what: 'Choose how this disconnected stamp is billed and check the exact parameters before the token is generated.',
    replaces: 'Get-AzsRegistrationToken -BillingModel -AgreementNumber -MsAssetTag',
  },
  generate: {
    title: 'Generate token',
    what: 'Asks the stamp for a registration token that describes it and the billing you chose.',
    replaces: 'Get-AzsRegistrationToken (New-RegistrationToken)',
  },
  save: {
    title: 'Save to drive',
    what: 'Writes the token to the USB stick, reads it back and records its fingerprint.',
    replaces: 'Get-AzsRegistrationToken -TokenOutputFilePath',
  },
  done: {
    title: 'Next steps',
    what: 'The token is ready to cross the air gap.',
  },
};
