#Requires -Version 5.1
#Requires -RunAsAdministrator
<#
.SYNOPSIS
    Registers (or removes) a local JEA endpoint named PrivilegedEndpoint with stub PEP cmdlets,
    for the AzS Registrar Windows harness. Test machines only.
.EXAMPLE
    .\register-endpoint.ps1 -UserName pepstub
    .\register-endpoint.ps1 -Unregister
#>
[CmdletBinding()]
param(
    [string] $UserName = 'pepstub',
    [switch] $Unregister
)
$ErrorActionPreference = 'Stop'
$moduleTarget = Join-Path $env:ProgramFiles 'WindowsPowerShell\Modules\AzsPepStub'
$dataRoot = 'C:\ProgramData\AzsPepStub'

if ($Unregister) {
    Unregister-PSSessionConfiguration -Name 'PrivilegedEndpoint' -Force -ErrorAction SilentlyContinue
    Remove-Item -LiteralPath $moduleTarget -Recurse -Force -ErrorAction SilentlyContinue
    Remove-LocalUser -Name $UserName -ErrorAction SilentlyContinue
    Write-Host 'Removed the stub PrivilegedEndpoint, its module and the local user.'
    return
}

Enable-PSRemoting -Force -SkipNetworkProfileCheck | Out-Null

# Stub module and role capability, where JEA looks for them.
Copy-Item -LiteralPath (Join-Path $PSScriptRoot 'AzsPepStub') -Destination (Split-Path $moduleTarget) -Recurse -Force
New-Item -ItemType Directory -Path $dataRoot, (Join-Path $dataRoot 'share'), (Join-Path $dataRoot 'Transcripts') -Force | Out-Null

# A local account standing in for CloudAdmin; the role maps 'Remote Management Users'.
if (-not (Get-LocalUser -Name $UserName -ErrorAction SilentlyContinue)) {
    $password = Read-Host -AsSecureString -Prompt "Password for the local test user '$UserName'"
    New-LocalUser -Name $UserName -Password $password -PasswordNeverExpires -Description 'AzS Registrar PEP harness' | Out-Null
}
Add-LocalGroupMember -Group 'Remote Management Users' -Member $UserName -ErrorAction SilentlyContinue

$pssc = Join-Path $PSScriptRoot 'PrivilegedEndpoint.pssc'
Test-PSSessionConfigurationFile -Path $pssc | Out-Null
Register-PSSessionConfiguration -Name 'PrivilegedEndpoint' -Path $pssc -Force | Out-Null
Write-Host "Registered PrivilegedEndpoint. Connect as $env:COMPUTERNAME\$UserName to 127.0.0.1."
Write-Host "Add 127.0.0.1 to TrustedHosts when the harness asks: Set-Item WSMan:\localhost\Client\TrustedHosts -Value '127.0.0.1' -Concatenate"
