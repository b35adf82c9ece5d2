import type { ExportStep } from '../../../shared/domain/flow';
import type { StepMeta } from '../../components/flow-frame';

/** The PowerShell each step replaces; titles and sentences are in the catalogues (`export.steps`). */
export const EXPORT_META: Record<ExportStep, StepMeta> = {
  preflight: { replaces: 'Test-WSMan / Get-Item WSMan:\\localhost\\Client\\TrustedHosts' },
  connect: { replaces: 'New-PSSession -ConfigurationName PrivilegedEndpoint' },
  stamp: { replaces: 'Get-AzureStackStampInformation' },
  billing: { replaces: 'Get-AzsRegistrationToken -BillingModel -AgreementNumber -MsAssetTag' },
  generate: { replaces: 'Get-AzsRegistrationToken (New-RegistrationToken)' },
  save: { replaces: 'Get-AzsRegistrationToken -TokenOutputFilePath' },
  done: {},
};
