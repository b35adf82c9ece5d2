import { describe, expect, it } from 'vitest';
import { activateScript, exportScript, psQuote, registerScript } from '../../../../shared/domain/powershell-script';

describe('equivalent PowerShell', () => {
  it('quotes values so nothing in them is expanded or ends the string', () => {
    expect(psQuote("O'Brien $(rm -r /)")).toBe("'O''Brien $(rm -r /)'");
  });

  it('export: the official cmdlet with the chosen billing, and a prompt for the PEP password', () => {
    const s = exportScript({ ercs: '10.0.0.224', user: 'AZS\\CloudAdmin', billingModel: 'Capacity', agreementNumber: 'EA-1', tokenFile: 'E:\\token.txt' });
    expect(s).toContain("Get-Credential -UserName 'AZS\\CloudAdmin'");
    expect(s).toContain("-BillingModel 'Capacity'");
    expect(s).toContain("-AgreementNumber 'EA-1'");
    expect(s).not.toContain('-MsAssetTag');
    expect(s).toContain("-TokenOutputFilePath 'E:\\token.txt'");
  });

  it('register and activate: names, group, location and files as given', () => {
    const r = registerScript({ cloud: 'AzureCloud', subscriptionId: 's-1', tokenFile: 't.txt', registrationName: 'AzureStack-1', resourceGroup: 'azurestack', location: 'westeurope', keyFile: 'k.txt' });
    expect(r).toContain("Register-AzsEnvironment -RegistrationToken (Get-Content -Raw 't.txt')");
    expect(r).toContain("-ResourceGroupLocation 'westeurope'");
    expect(r).toContain("Get-AzsActivationKey -RegistrationName 'AzureStack-1'");
    const a = activateScript({ ercs: '10.0.0.225', user: '', keyFile: 'k.txt' });
    expect(a).toContain("New-AzsActivationResource -PrivilegedEndpointCredential $pepCredential");
    expect(a).toContain("-ActivationKey (Get-Content -Raw 'k.txt')");
  });
});
