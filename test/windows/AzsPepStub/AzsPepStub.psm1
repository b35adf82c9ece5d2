# Stub privileged-endpoint cmdlets for the AzS Registrar Windows harness (test/windows/README.md).
# Behaviour is steered by C:\ProgramData\AzsPepStub\settings.json (written by the driver), and every
# call is appended to calls.jsonl with its bound parameters so the driver can check what arrived.

$script:Root = 'C:\ProgramData\AzsPepStub'

function Get-StubSettings {
    $path = Join-Path $script:Root 'settings.json'
    if (Test-Path -LiteralPath $path) { return Get-Content -LiteralPath $path -Raw -Encoding UTF8 | ConvertFrom-Json }
    return [pscustomobject]@{}
}

function Write-StubCall {
    param([string] $Name, [hashtable] $Bound)
    $copy = @{}
    foreach ($key in $Bound.Keys) {
        if ($Bound[$key] -is [System.Management.Automation.PSCredential]) { $copy[$key] = 'credential:' + $Bound[$key].UserName }
        else { $copy[$key] = $Bound[$key] }
    }
    $line = ConvertTo-Json -InputObject @{ cmd = $Name; params = $copy; at = (Get-Date).ToString('o') } -Compress -Depth 4
    Add-Content -LiteralPath (Join-Path $script:Root 'calls.jsonl') -Value $line -Encoding UTF8
}

function Get-AzureStackStampInformation {
    [CmdletBinding()]
    param([switch] $AsJob)
    Write-StubCall -Name $MyInvocation.MyCommand.Name -Bound $PSBoundParameters
    $settings = Get-StubSettings
    $version = '1.2311.2.23'
    if ($settings.stampVersion) { $version = [string]$settings.stampVersion }
    Write-Warning 'Stub stamp: values are canned.'
    # Host output of the endpoint: it must never reach the app's stdout as text.
    Write-Host 'Stub stamp: host text.'
    Write-Information 'Stub stamp: information record.'
    [pscustomobject]@{
        DeploymentID                = '1f7b4c1e-6a39-4f57-9a43-5d2e0c7b1a11'
        CloudID                     = '9a3b2f4e-8c71-4d25-b0e6-3f1a7d9c2e58'
        StampVersion                = $version
        OEMVersion                  = '2.3.2311.1'
        RegionName                  = "r$([char]0x00E9)gion-$([char]0x03A9)"
        ExternalDomainFQDN          = 'local.azurestack.external'
        DomainFQDN                  = 'azurestack.local'
        DomainNetBIOSName           = 'AZURESTACK'
        NumberOfNodes               = 4
        IdentitySystem              = 'AzureAD'
        LastUpdated                 = Get-Date
        AdminExternalEndpoints      = [pscustomobject]@{ AdminResourceManager = 'https://adminmanagement.local.azurestack.external'; AdminPortal = 'https://adminportal.local.azurestack.external' }
        EmergencyConsoleIPAddresses = @('127.0.0.1')
    }
}

function Set-RegistrationKeyPair {
    [CmdletBinding()]
    param()
    Write-StubCall -Name $MyInvocation.MyCommand.Name -Bound $PSBoundParameters
    # settings.promptInKeyPair: the endpoint asks a question nobody can answer; the job turns Blocked.
    if ((Get-StubSettings).promptInKeyPair) { $null = Read-Host 'Replace the registration key pair? (Y/N)' }
    Write-Verbose 'Key pair prepared.'
}

function New-RegistrationToken {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)] [string] $BillingModel,
        [switch] $MarketplaceSyndicationEnabled,
        [switch] $UsageReportingEnabled,
        [string] $AgreementNumber,
        [switch] $AsJob
    )
    # Old builds (settings.oldBuild) lack -MsAssetTag and -TokenVersion: binding them fails for real.
    DynamicParam {
        $settings = Get-StubSettings
        $dictionary = New-Object System.Management.Automation.RuntimeDefinedParameterDictionary
        if (-not $settings.oldBuild) {
            foreach ($name in @('MsAssetTag', 'TokenVersion')) {
                $attributes = New-Object 'System.Collections.ObjectModel.Collection[System.Attribute]'
                $attributes.Add((New-Object System.Management.Automation.ParameterAttribute))
                $dictionary.Add($name, (New-Object System.Management.Automation.RuntimeDefinedParameter($name, [string], $attributes)))
            }
        }
        return $dictionary
    }
    end {
        Write-StubCall -Name $MyInvocation.MyCommand.Name -Bound $PSBoundParameters
        Write-Progress -Activity 'Creating registration token' -Status 'Reading hardware inventory' -PercentComplete 50
        $payload = [ordered]@{
            cloudId = '9a3b2f4e-8c71-4d25-b0e6-3f1a7d9c2e58'; billingModel = $BillingModel
            marketplaceSyndicationEnabled = [bool]$MarketplaceSyndicationEnabled; usageReportingEnabled = [bool]$UsageReportingEnabled
            agreementNumber = $AgreementNumber; msAssetTag = $PSBoundParameters['MsAssetTag']; version = $PSBoundParameters['TokenVersion']
            hardwareInfo = @(); issuer = 'AzsPepStub'
        }
        [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes((ConvertTo-Json -InputObject $payload -Compress)))
    }
}

function New-AzureBridgeServicePrincipal {
    [CmdletBinding()]
    param([string] $RefreshToken, [string] $AzureEnvironment, [string] $TenantId, [int] $TimeoutInSeconds = 420)
    # The token itself is never written: its length and SHA-256 show it arrived whole, as data.
    $digest = [BitConverter]::ToString([Security.Cryptography.SHA256]::Create().ComputeHash([Text.Encoding]::UTF8.GetBytes([string]$RefreshToken))).Replace('-', '').ToLowerInvariant()
    Write-StubCall -Name $MyInvocation.MyCommand.Name -Bound @{ AzureEnvironment = $AzureEnvironment; TenantId = $TenantId; TimeoutInSeconds = $TimeoutInSeconds; RefreshTokenLength = ([string]$RefreshToken).Length; RefreshTokenSha256 = $digest }
    [pscustomobject]@{ ObjectId = '0d5f3c2a-1b4e-4f6a-8c7d-9e0f1a2b3c4d' }
}

function New-AzureStackActivation {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)] [string] $ActivationKey, [int] $TimeoutInSeconds = 1000)
    Write-StubCall -Name $MyInvocation.MyCommand.Name -Bound $PSBoundParameters
    $settings = Get-StubSettings
    $marker = Join-Path $script:Root 'empty-key-done'
    if ($settings.emptyKeyOnce -and -not (Test-Path -LiteralPath $marker)) {
        Set-Content -LiteralPath $marker -Value 'x'
        # The text the real cmdlet gives when the key arrives empty (AzureStack-Tools#593).
        throw "Cannot bind argument to parameter 'ActivationKey' because it is an empty string."
    }
    $steps = 5
    if ($settings.activationSteps) { $steps = [int]$settings.activationSteps }
    for ($i = 1; $i -le $steps; $i++) {
        Write-Progress -Activity 'Activating Azure Stack' -Status ('Step {0} of {1}' -f $i, $steps) -PercentComplete ([int](100 * $i / $steps))
        Start-Sleep -Milliseconds 500
    }
    Write-Warning 'Stub activation complete.'
}

function Remove-AzureStackActivation {
    [CmdletBinding()]
    param()
    Write-StubCall -Name $MyInvocation.MyCommand.Name -Bound $PSBoundParameters
}

function Close-PrivilegedEndpoint {
    [CmdletBinding()]
    param([string] $TranscriptsPathDestination, [System.Management.Automation.PSCredential] $Credential, [switch] $AsJob)
    Write-StubCall -Name $MyInvocation.MyCommand.Name -Bound $PSBoundParameters
    if ($TranscriptsPathDestination) {
        $name = 'PEP-Transcript-{0}.txt' -f (Get-Date -Format 'yyyyMMdd-HHmmss')
        Set-Content -LiteralPath (Join-Path $TranscriptsPathDestination $name) -Value 'stub transcript'
    }
}
