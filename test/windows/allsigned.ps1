#Requires -Version 5.1
#Requires -RunAsAdministrator
<#
.SYNOPSIS
    Test machines only: makes this Windows an AllSigned workstation for workstation.win.test.ts.
.DESCRIPTION
    -Setup: creates a self-signed code-signing certificate, trusts it (LocalMachine Root and
    TrustedPublisher: without TrustedPublisher PowerShell would prompt, and the app's non-interactive
    host cannot answer), signs a copy of resources\pep-host.ps1 into -OutDir, writes an unsigned copy
    beside it, and sets the AllSigned execution policy by machine policy for Windows PowerShell and
    PowerShell 7 (machine policy wins over the app's -ExecutionPolicy Bypass).
    -Teardown: removes the policy values, the certificate and -OutDir.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true, ParameterSetName = 'Setup')] [switch] $Setup,
    [Parameter(Mandatory = $true, ParameterSetName = 'Teardown')] [switch] $Teardown,
    [string] $OutDir = (Join-Path -Path $env:ProgramData -ChildPath 'AzsAllSigned')
)
$ErrorActionPreference = 'Stop'
$subject = 'CN=AzS Registrar test signing (delete me)'
$policyKeys = @('HKLM:\SOFTWARE\Policies\Microsoft\Windows\PowerShell', 'HKLM:\SOFTWARE\Policies\Microsoft\PowerShellCore')

if ($Setup) {
    $cert = New-SelfSignedCertificate -Type CodeSigningCert -Subject $subject -CertStoreLocation 'Cert:\CurrentUser\My' -NotAfter (Get-Date).AddDays(7)
    foreach ($storeName in @('Root', 'TrustedPublisher')) {
        $store = New-Object -TypeName System.Security.Cryptography.X509Certificates.X509Store -ArgumentList $storeName, 'LocalMachine'
        $store.Open('ReadWrite')
        $store.Add([System.Security.Cryptography.X509Certificates.X509Certificate2]::new($cert.RawData))
        $store.Close()
    }
    $null = New-Item -ItemType Directory -Path (Join-Path $OutDir 'signed'), (Join-Path $OutDir 'unsigned') -Force
    $source = Join-Path -Path $PSScriptRoot -ChildPath '..\..\resources\pep-host.ps1'
    Copy-Item -LiteralPath $source -Destination (Join-Path $OutDir 'signed\pep-host.ps1') -Force
    Copy-Item -LiteralPath $source -Destination (Join-Path $OutDir 'unsigned\pep-host.ps1') -Force
    $signature = Set-AuthenticodeSignature -FilePath (Join-Path $OutDir 'signed\pep-host.ps1') -Certificate $cert -HashAlgorithm SHA256
    if ($signature.Status -ne 'Valid') { throw "Signing failed: $($signature.StatusMessage)" }
    foreach ($key in $policyKeys) {
        $null = New-Item -Path $key -Force
        Set-ItemProperty -Path $key -Name 'EnableScripts' -Value 1 -Type DWord
        Set-ItemProperty -Path $key -Name 'ExecutionPolicy' -Value 'AllSigned' -Type String
    }
    Write-Output "Set `$env:AZS_WS_ALLSIGNED_DIR = '$OutDir'"
}

if ($Teardown) {
    foreach ($key in $policyKeys) {
        if (Test-Path -Path $key) { Remove-ItemProperty -Path $key -Name 'EnableScripts', 'ExecutionPolicy' -ErrorAction SilentlyContinue }
    }
    foreach ($location in @('Cert:\CurrentUser\My', 'Cert:\LocalMachine\Root', 'Cert:\LocalMachine\TrustedPublisher')) {
        Get-ChildItem -Path $location | Where-Object { $_.Subject -eq $subject } | Remove-Item -Force
    }
    if (Test-Path -LiteralPath $OutDir) { Remove-Item -LiteralPath $OutDir -Recurse -Force }
}
