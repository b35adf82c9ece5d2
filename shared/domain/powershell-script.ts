// The equivalent RegisterWithAzure.psm1 script of each leg, with the operator's values, for change
// boards and for doing a step by hand. Secrets are never written in: the script prompts for them.

/** The legs whose equivalent script can be saved as a .ps1 file. */
export const SCRIPT_LEGS = ['export', 'register', 'activate', 'connected'] as const;
export type ScriptLeg = (typeof SCRIPT_LEGS)[number];

/** A PowerShell single-quoted string: nothing inside is expanded. */
export const psQuote = (value: string): string => `'${value.replaceAll("'", "''")}'`;

const header = (leg: string) => [
  `# ${leg}: the RegisterWithAzure.psm1 equivalent of what AzS Registrar does, with the same values.`,
  '# From https://github.com/Azure/AzureStack-Tools (Registration folder), in an elevated PowerShell.',
  'Import-Module .\\RegisterWithAzure.psm1',
];
const pepCredential = (user: string) => `$pepCredential = Get-Credential -UserName ${psQuote(user || 'AZURESTACK\\CloudAdmin')} -Message 'CloudAdmin of the privileged endpoint'`;

export const exportScript = (v: {
  ercs: string;
  user: string;
  billingModel: string;
  agreementNumber?: string;
  msAssetTag?: string;
  tokenFile: string;
}): string =>
  [
    ...header('Stamp side, export the registration token'),
    pepCredential(v.user),
    [
      'Get-AzsRegistrationToken -PrivilegedEndpointCredential $pepCredential',
      `-PrivilegedEndpoint ${psQuote(v.ercs)}`,
      `-BillingModel ${psQuote(v.billingModel)}`,
      '-UsageReportingEnabled:$false',
      ...(v.agreementNumber ? [`-AgreementNumber ${psQuote(v.agreementNumber)}`] : []),
      ...(v.msAssetTag ? [`-MsAssetTag ${psQuote(v.msAssetTag)}`] : []),
      `-TokenOutputFilePath ${psQuote(v.tokenFile)}`,
    ].join(' `\n  '),
  ].join('\n');

export const registerScript = (v: {
  cloud: string;
  subscriptionId: string;
  tokenFile: string;
  registrationName: string;
  resourceGroup: string;
  location: string;
  keyFile: string;
}): string =>
  [
    ...header('Connected host, register and get the activation key'),
    `Connect-AzAccount -Environment ${psQuote(v.cloud)}`,
    `Select-AzSubscription -Subscription ${psQuote(v.subscriptionId)}`,
    'Register-AzResourceProvider -ProviderNamespace Microsoft.AzureStack',
    [
      `Register-AzsEnvironment -RegistrationToken (Get-Content -Raw ${psQuote(v.tokenFile)})`,
      `-RegistrationName ${psQuote(v.registrationName)}`,
      `-ResourceGroupName ${psQuote(v.resourceGroup)}`,
      `-ResourceGroupLocation ${psQuote(v.location)}`,
    ].join(' `\n  '),
    [
      `Get-AzsActivationKey -RegistrationName ${psQuote(v.registrationName)}`,
      `-ResourceGroupName ${psQuote(v.resourceGroup)}`,
      `-KeyOutputFilePath ${psQuote(v.keyFile)}`,
    ].join(' `\n  '),
  ].join('\n');

export const activateScript = (v: { ercs: string; user: string; keyFile: string }): string =>
  [
    ...header('Stamp side, activate with the key'),
    pepCredential(v.user),
    [
      'New-AzsActivationResource -PrivilegedEndpointCredential $pepCredential',
      `-PrivilegedEndpoint ${psQuote(v.ercs)}`,
      `-ActivationKey (Get-Content -Raw ${psQuote(v.keyFile)})`,
    ].join(' `\n  '),
  ].join('\n');

/**
 * Connected registration (and its re-runs: change, renewal, scale) with the official module: one
 * Set-AzsRegistration, which does every leg this app does, with the same values.
 */
export const connectedScript = (v: {
  cloud: string;
  subscriptionId: string;
  ercs: string;
  user: string;
  registrationName: string;
  resourceGroup: string;
  location: string;
  billingModel: string;
  agreementNumber?: string;
  msAssetTag?: string;
  usageReportingEnabled: boolean;
  marketplaceSyndicationEnabled: boolean;
}): string =>
  [
    ...header('Connected registration (also to change the billing model or flags, renew, or record a scale change)'),
    `Connect-AzAccount -Environment ${psQuote(v.cloud)}`,
    `Select-AzSubscription -Subscription ${psQuote(v.subscriptionId)}`,
    'Register-AzResourceProvider -ProviderNamespace Microsoft.AzureStack',
    pepCredential(v.user),
    [
      'Set-AzsRegistration -PrivilegedEndpointCredential $pepCredential',
      `-PrivilegedEndpoint ${psQuote(v.ercs)}`,
      `-RegistrationName ${psQuote(v.registrationName)}`,
      `-ResourceGroupName ${psQuote(v.resourceGroup)}`,
      `-ResourceGroupLocation ${psQuote(v.location)}`,
      `-BillingModel ${psQuote(v.billingModel)}`,
      ...(v.agreementNumber ? [`-AgreementNumber ${psQuote(v.agreementNumber)}`] : []),
      ...(v.msAssetTag ? [`-MsAssetTag ${psQuote(v.msAssetTag)}`] : []),
      `-UsageReportingEnabled:$${String(v.usageReportingEnabled)}`,
      `-MarketplaceSyndicationEnabled:$${String(v.marketplaceSyndicationEnabled)}`,
    ].join(' `\n  '),
  ].join('\n');
