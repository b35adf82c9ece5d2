import type { AllowedCmdlet } from '../../pep/protocol';
import { newAzureStackActivation, removeAzureStackActivation } from './activation';
import type { Cmdlet } from './cmdlet-context';
import { setRegistrationKeyPair } from './key-pair';
import { newRegistrationToken } from './registration-token';
import { newAzureBridgeServicePrincipal } from './service-principal';
import { getAzureStackStampInformation } from './stamp-information';

/** Every allow-listed PEP cmdlet, simulated. */
export const CMDLETS: Record<AllowedCmdlet, Cmdlet> = {
  'Get-AzureStackStampInformation': getAzureStackStampInformation,
  'Set-RegistrationKeyPair': setRegistrationKeyPair,
  'New-RegistrationToken': newRegistrationToken,
  'New-AzureBridgeServicePrincipal': newAzureBridgeServicePrincipal,
  'New-AzureStackActivation': newAzureStackActivation,
  'Remove-AzureStackActivation': removeAzureStackActivation,
};
