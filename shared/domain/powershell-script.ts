// The equivalent RegisterWithAzure.psm1 script of each leg, with the operator's values, for change
// boards and for doing a step by hand. Secrets are never written in: the script prompts for them.

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
