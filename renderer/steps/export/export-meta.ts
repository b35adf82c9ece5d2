import type { ExportStep } from '../../../shared/domain/flow';
import type { StepMeta } from '../../components/flow-frame';

/** The PowerShell each step replaces; titles and sentences are in the catalogues (`export.steps`). */
export const EXPORT_META: Record<ExportStep, StepMeta> = {
  preflight: { replaces: 'Test-WSMan / Get-Item WSMan:\\localhost\\Client\\TrustedHosts', help: 'preflight' },
  connect: { replaces: 'New-PSSession -ConfigurationName PrivilegedEndpoint', help: 'pep' },
  stamp: { replaces: 'Get-AzureStackStampInformation', help: 'pep' },
  billing: { replaces: 'Get-AzsRegistrationToken -BillingModel -AgreementNumber -MsAssetTag', help: 'billing' },
  generate: { replaces: 'Get-AzsRegistrationToken (New-RegistrationToken)', help: 'token' },
  save: { replaces: 'Get-AzsRegistrationToken -TokenOutputFilePath', help: 'token' },
  done: { help: 'registration' },
};
