@{
    RootModule        = 'AzsPepStub.psm1'
    ModuleVersion     = '1.0.0'
    GUID              = '5d0f5c4e-3b7a-4d0e-9b51-2f6c8a9e7d13'
    Author            = 'AzS Registrar test harness'
    Description       = 'Stand-ins for the Azure Stack Hub privileged endpoint cmdlets. Test use only.'
    PowerShellVersion = '5.1'
    FunctionsToExport = @(
        'Get-AzureStackStampInformation', 'Set-RegistrationKeyPair', 'New-RegistrationToken',
        'New-AzureBridgeServicePrincipal', 'New-AzureStackActivation', 'Remove-AzureStackActivation',
        'Close-PrivilegedEndpoint'
    )
    CmdletsToExport   = @()
    VariablesToExport = @()
    AliasesToExport   = @()
}
