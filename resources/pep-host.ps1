#Requires -Version 5.1
<#
.SYNOPSIS
    AzS Registrar privileged-endpoint (PEP) host.

.DESCRIPTION
    Started by AzS Registrar as
        powershell.exe -NoLogo -NoProfile -NonInteractive -ExecutionPolicy Bypass -File pep-host.ps1
    It owns one PSSession to the privileged endpoint and speaks a line protocol with the app
    (electron/pep/protocol.ts): one compact JSON object per line, ASCII only, every non-ASCII
    character escaped as \uXXXX, in both directions. stdout carries protocol lines only; stderr is
    diagnostics. stdin end-of-file means: clean up and exit.

    Safety rules kept by this file (checked by test/unit/electron/pep/pep-host-script.test.ts):
      - values from the app are data only: copied into hashtables and passed with @using: splats;
        nothing received is ever turned into script text, and there is no Invoke-Expression;
      - only the cmdlets named in the switch of Start-PepJob can run on the endpoint;
      - the password becomes a SecureString at once and its field is cleared; it is never written.
#>
[CmdletBinding()]
param()

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

$script:ProtocolVersion = 1
$script:Session = $null
$script:Credential = $null
$script:Hosts = @()
$script:Address = $null
$script:IdleTimeoutMs = 3600000
$script:Reader = $null
$script:ReadTask = $null
$script:Backlog = $null
$script:EndOfInput = $false
$script:Stopping = $false
$script:IsCore = $PSVersionTable.PSVersion.Major -ge 7
# pwsh on Linux or macOS: no built-in WSMan client, no TrustedHosts, no WSMan: drive. PSWSMan supplies
# the client; it authenticates with explicit credentials only, so the session asks for Negotiate (NTLM).
$script:OffWindows = $script:IsCore -and ($IsLinux -or $IsMacOS)
$script:Authentication = 'Default'
if ($script:OffWindows) { $script:Authentication = 'Negotiate' }
$script:WSManClientReady = -not $script:OffWindows
$script:PSWSManMajor = 0
$script:RemotingProperties = @('PSComputerName', 'RunspaceId', 'PSShowComputerName', 'PSSourceJobInstanceId')
$script:MaxDepth = 8

# ---------------------------------------------------------------------------------------------
# Output

function ConvertTo-ProtocolLine {
    param([Parameter(Mandatory = $true)] [System.Collections.IDictionary] $Message)
    $jsonArgs = @{ InputObject = $Message; Depth = 16; Compress = $true }
    if ($script:IsCore) { $jsonArgs['EscapeHandling'] = 'EscapeNonAscii' }
    $json = ConvertTo-Json @jsonArgs
    # Windows PowerShell 5.1 has no -EscapeHandling. .NET regular expressions work on UTF-16 code
    # units, so characters outside the BMP come out as valid surrogate pairs.
    $evaluator = [System.Text.RegularExpressions.MatchEvaluator] { param($match) '\u{0:x4}' -f [int][char]$match.Value }
    return [regex]::Replace($json, '[^\u0000-\u007F]', $evaluator)
}

function Send-Message {
    param([Parameter(Mandatory = $true)] [System.Collections.IDictionary] $Message)
    $line = ConvertTo-ProtocolLine -Message $Message
    [Console]::Out.Write($line + "`n")
    [Console]::Out.Flush()
}

function Get-ErrorInfo {
    param([Parameter(Mandatory = $true)] $ErrorRecord)
    $exception = $ErrorRecord.Exception
    $text = [string]$exception.Message
    if ($ErrorRecord.ErrorDetails -and $ErrorRecord.ErrorDetails.Message) { $text = [string]$ErrorRecord.ErrorDetails.Message }
    $typeName = $exception.GetType().FullName
    if ($exception -is [System.Management.Automation.RemoteException] -and $null -ne $exception.SerializedRemoteException) {
        $typeName = ([string]$exception.SerializedRemoteException.PSObject.TypeNames[0]) -replace '^Deserialized\.', ''
    }
    $info = [ordered]@{ message = $text; type = $typeName }
    if ($ErrorRecord.FullyQualifiedErrorId) { $info['fqid'] = [string]$ErrorRecord.FullyQualifiedErrorId }
    if ($ErrorRecord.CategoryInfo) {
        $info['category'] = [string]$ErrorRecord.CategoryInfo.Category
        if ($ErrorRecord.CategoryInfo.Reason) { $info['reason'] = [string]$ErrorRecord.CategoryInfo.Reason }
    }
    if ($exception -is [System.Management.Automation.Remoting.PSRemotingTransportException]) {
        $info['transportCode'] = [int]$exception.ErrorCode
    }
    return $info
}

function Get-ExceptionInfo {
    param([Parameter(Mandatory = $true)] [System.Exception] $Exception)
    if ($Exception -is [System.Management.Automation.IContainsErrorRecord] -and $null -ne $Exception.ErrorRecord) {
        return Get-ErrorInfo -ErrorRecord $Exception.ErrorRecord
    }
    return [ordered]@{ message = [string]$Exception.Message; type = $Exception.GetType().FullName }
}

function Send-Failure {
    param([string] $Id, [Parameter(Mandatory = $true)] [System.Collections.IDictionary] $Info)
    Send-Message -Message ([ordered]@{ type = 'error'; id = $Id; error = $Info })
}

# Turns remote output into plain data: fresh strings (no ETS notes, which 5.1 serializes as
# {"value": ...}), ISO-8601 dates, no remoting properties, bounded depth.
function ConvertTo-PlainData {
    param($Value, [int] $Depth = 0)
    if ($null -eq $Value) { return $null }
    $base = $Value
    if ($Value -is [System.Management.Automation.PSObject]) {
        # Enums of types unknown here arrive as numbers carrying their name in ToString.
        if ($Value.PSObject.TypeNames -contains 'Deserialized.System.Enum') { return [string]::new([char[]]$Value.ToString()) }
        $base = $Value.PSObject.BaseObject
    }
    if ($base -is [string]) { return [string]::new([char[]]$base) }
    if ($base -is [char] -or $base -is [guid] -or $base -is [version] -or $base -is [timespan] -or $base -is [enum] -or $base -is [uri]) {
        return [string]::new([char[]]$base.ToString())
    }
    if ($base -is [bool] -or $base -is [int] -or $base -is [long] -or $base -is [double] -or $base -is [decimal] -or $base -is [single] -or
        $base -is [byte] -or $base -is [int16] -or $base -is [uint16] -or $base -is [uint32] -or $base -is [uint64]) {
        return $base
    }
    if ($base -is [datetime]) { return $base.ToUniversalTime().ToString('o', [System.Globalization.CultureInfo]::InvariantCulture) }
    if ($base -is [System.DateTimeOffset]) { return $base.UtcDateTime.ToString('o', [System.Globalization.CultureInfo]::InvariantCulture) }
    if ($Depth -ge $script:MaxDepth) { return [string]::new([char[]]([string]$Value)) }
    if ($base -is [System.Collections.IDictionary]) {
        $table = [ordered]@{}
        foreach ($key in $base.Keys) {
            $name = [string]$key
            if ($script:RemotingProperties -notcontains $name) { $table[$name] = ConvertTo-PlainData -Value $base[$key] -Depth ($Depth + 1) }
        }
        return $table
    }
    if ($base -is [System.Collections.IEnumerable]) {
        $list = New-Object -TypeName 'System.Collections.Generic.List[object]'
        foreach ($item in $base) { $list.Add((ConvertTo-PlainData -Value $item -Depth ($Depth + 1))) }
        return , $list.ToArray()
    }
    $object = [ordered]@{}
    foreach ($property in $Value.PSObject.Properties) {
        if ($script:RemotingProperties -notcontains $property.Name) {
            $object[$property.Name] = ConvertTo-PlainData -Value $property.Value -Depth ($Depth + 1)
        }
    }
    return $object
}

# ---------------------------------------------------------------------------------------------
# Input: stdin is read asynchronously so a running job can be polled while waiting for `cancel`.

function Open-Input {
    $stream = [Console]::OpenStandardInput()
    $encoding = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false
    $script:Reader = New-Object -TypeName System.IO.StreamReader -ArgumentList $stream, $encoding
    $script:Backlog = New-Object -TypeName 'System.Collections.Generic.Queue[string]'
}

# Returns the next line, or $null when none arrived within WaitMs (-1: wait forever) or at EOF.
function Receive-Line {
    param([int] $WaitMs)
    if ($script:Backlog.Count -gt 0) { return $script:Backlog.Dequeue() }
    if ($script:EndOfInput) { return $null }
    if ($null -eq $script:ReadTask) { $script:ReadTask = $script:Reader.ReadLineAsync() }
    if (-not $script:ReadTask.Wait($WaitMs)) { return $null }
    $line = $script:ReadTask.Result
    $script:ReadTask = $null
    if ($null -eq $line) { $script:EndOfInput = $true }
    return $line
}

function ConvertFrom-ProtocolLine {
    param([string] $Line)
    try { return ConvertFrom-Json -InputObject $Line } catch { return $null }
}

# JSON params arrive as a PSCustomObject (5.1 has no -AsHashtable): copy them into a hashtable,
# keeping base values only, so they travel to the endpoint as plain data.
function ConvertTo-ParameterTable {
    param($Params)
    $table = @{}
    if ($null -eq $Params) { return $table }
    foreach ($property in $Params.PSObject.Properties) {
        $value = $property.Value
        if ($value -is [string]) { $value = [string]::new([char[]]$value) }
        elseif ($value -is [bool]) { $value = [bool]$value }
        elseif ($value -is [int]) { $value = [int]$value }
        elseif ($value -is [long]) { $value = [long]$value }
        elseif ($value -is [double] -or $value -is [decimal]) { $value = [double]$value }
        else { throw ("Parameter '{0}' is not a string, number or boolean." -f $property.Name) }
        $table[[string]$property.Name] = $value
    }
    return $table
}

# ---------------------------------------------------------------------------------------------
# Session

function Test-TransientOpenError {
    param([System.Collections.IDictionary] $Info)
    $fqid = [string]$Info['fqid']
    $text = [string]$Info['message']
    if ($fqid -like '*AccessDenied*' -or $fqid -like '*CannotUseIPAddress*') { return $false }
    if ($text -like '*Cannot find the PrivilegedEndpoint session configuration*') { return $false }
    if ($text -like '*TrustedHosts*') { return $false }
    return $fqid -like '*WinRMOperationTimeout*' -or $Info['type'] -like '*PSRemotingTransportException'
}

# The PSWSMan module installed for this user or machine (highest version), or $null.
function Get-PSWSManModule {
    return Get-Module -ListAvailable -Name 'PSWSMan' | Sort-Object -Property Version -Descending | Select-Object -First 1
}

# Off Windows only: loads PSWSMan so New-PSSession can reach WinRM (pep-transport.md section 10).
# PSWSMan 3.x (pwsh 7.4+) hooks the built-in remoting cmdlets with Enable-PSWSMan; 2.x was set up once
# with Install-WSMan and only needs to be loaded.
function Enable-WSManClient {
    if ($script:WSManClientReady) { return }
    $module = Get-PSWSManModule
    if ($null -eq $module) {
        $text = 'PowerShell {0} on this computer has no WSMan client: the PSWSMan module is not installed. ' +
            'In pwsh run: Install-Module PSWSMan -Scope CurrentUser (PSWSMan 3.x needs PowerShell 7.4 or later; ' +
            'with PSWSMan 2.x also run Install-WSMan once as root, see the module documentation).'
        $exception = [System.InvalidOperationException]::new(($text -f [string]$PSVersionTable.PSVersion))
        throw [System.Management.Automation.ErrorRecord]::new($exception, 'PSWSManMissing', [System.Management.Automation.ErrorCategory]::NotInstalled, $null)
    }
    Import-Module -ModuleInfo $module -ErrorAction Stop
    $script:PSWSManMajor = $module.Version.Major
    if ($script:PSWSManMajor -ge 3) { Enable-PSWSMan -Force }
    $script:WSManClientReady = $true
}

# en-US culture (error texts are matched in English) and the idle timeout on Windows. Off Windows,
# PSWSMan 3.x: its bundled Devolutions provider (sspi-rs) signs in with NTLM or Kerberos from the explicit
# credential without the system GSSAPI, so gss-ntlmssp is not needed; PSWSMan implements no IdleTimeout.
# PSWSMan 2.x has no New-PSWSManSessionOption (NTLM goes through GSSAPI and gss-ntlmssp, checked in
# pre-flight): pwsh's option object gets the culture only.
function New-PepSessionOption {
    if (-not $script:OffWindows) {
        return New-PSSessionOption -Culture 'en-US' -UICulture 'en-US' -IdleTimeout $script:IdleTimeoutMs
    }
    if ($script:PSWSManMajor -ge 3) {
        return New-PSWSManSessionOption -AuthProvider Devolutions -Culture 'en-US' -UICulture 'en-US'
    }
    $option = [System.Management.Automation.Remoting.PSSessionOption]::new()
    $option.Culture = [System.Globalization.CultureInfo]::GetCultureInfo('en-US')
    $option.UICulture = [System.Globalization.CultureInfo]::GetCultureInfo('en-US')
    return $option
}

# Tries each ERCS address in order; per address three tries, 10 s apart, for transient errors only.
# Returns @{ ok; address; notices; error }.
function Open-PepSession {
    Enable-WSManClient
    $notices = New-Object -TypeName 'System.Collections.Generic.List[string]'
    $option = New-PepSessionOption
    $hardError = $null
    $lastError = $null
    foreach ($address in $script:Hosts) {
        for ($attempt = 1; $attempt -le 3; $attempt++) {
            try {
                $opened = New-PSSession -ComputerName $address -ConfigurationName 'PrivilegedEndpoint' -Credential $script:Credential -Authentication $script:Authentication -SessionOption $option -ErrorAction Stop
                $script:Session = $opened
                $script:Address = $address
                return @{ ok = $true; address = $address; notices = $notices.ToArray() }
            } catch {
                $lastError = Get-ErrorInfo -ErrorRecord $_
                if ([string]$lastError['fqid'] -like '*AccessDenied*') {
                    # Trying the other addresses with a refused credential only brings the lockout closer.
                    return @{ ok = $false; error = $lastError; notices = $notices.ToArray() }
                }
                if (-not (Test-TransientOpenError -Info $lastError)) {
                    if ($null -eq $hardError) { $hardError = $lastError }
                    break
                }
                if ($attempt -lt 3) { Start-Sleep -Seconds 10 }
            }
        }
        $notices.Add(('{0} did not open a session: {1}' -f $address, $lastError['message']))
    }
    $failure = $hardError
    if ($null -eq $failure) { $failure = $lastError }
    return @{ ok = $false; error = $failure; notices = $notices.ToArray() }
}

function Invoke-Connect {
    param($Request)
    $id = [string]$Request.id
    $secure = ConvertTo-SecureString -String ([string]$Request.password) -AsPlainText -Force
    $Request.password = $null
    $script:Credential = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList ([string]$Request.user), $secure
    $script:Hosts = @($Request.hosts | ForEach-Object { [string]$_ })
    if ($Request.idleTimeoutMs) { $script:IdleTimeoutMs = [int]$Request.idleTimeoutMs }
    $outcome = Open-PepSession
    if ($outcome['ok']) {
        Send-Message -Message ([ordered]@{ type = 'connected'; id = $id; host = [string]$outcome['address']; notices = $outcome['notices'] })
    } else {
        Send-Failure -Id $id -Info $outcome['error']
    }
}

# A broken or closed session (network blip, idle timeout) is reopened with the stored credential.
function Confirm-Session {
    param([string] $Id)
    if ($null -eq $script:Credential) { throw 'Not connected: send connect first.' }
    if ($null -ne $script:Session -and $script:Session.State -eq 'Opened') { return }
    $state = 'missing'
    if ($null -ne $script:Session) {
        $state = [string]$script:Session.State
        Remove-PSSession -Session $script:Session -ErrorAction SilentlyContinue
        $script:Session = $null
    }
    $outcome = Open-PepSession
    if (-not $outcome['ok']) { throw ('The PEP session was {0} and could not be reopened: {1}' -f $state, $outcome['error']['message']) }
    Send-Message -Message ([ordered]@{ type = 'warning'; id = $Id; message = ('The PEP session was {0}; reopened through {1}.' -f $state, $script:Address) })
}

# The allow-list: one hard-coded script block per cmdlet. Each is a single command with a $using:
# splat, which the client turns into a command plus parameters (no script reaches the endpoint).
function Start-PepJob {
    param([string] $Cmdlet, [hashtable] $Parameters, [bool] $ArgumentListForm)
    $s = $script:Session
    $p = $Parameters
    switch -Exact ($Cmdlet) {
        'Get-AzureStackStampInformation' { return Invoke-Command -Session $s -AsJob -ScriptBlock { Get-AzureStackStampInformation @using:p } }
        'Set-RegistrationKeyPair' { return Invoke-Command -Session $s -AsJob -ScriptBlock { Set-RegistrationKeyPair @using:p } }
        'New-RegistrationToken' { return Invoke-Command -Session $s -AsJob -ScriptBlock { New-RegistrationToken @using:p } }
        'New-AzureBridgeServicePrincipal' { return Invoke-Command -Session $s -AsJob -ScriptBlock { New-AzureBridgeServicePrincipal @using:p } }
        'New-AzureStackActivation' {
            # A fresh, trimmed [string]: no extended properties, no array (AzureStack-Tools#593).
            $key = [string]::new(([string]$p['ActivationKey']).Trim().ToCharArray())
            $p['ActivationKey'] = $key
            if ($ArgumentListForm) {
                return Invoke-Command -Session $s -AsJob -ArgumentList $key -ScriptBlock { New-AzureStackActivation -ActivationKey $args[0] -TimeoutInSeconds 1800 }
            }
            return Invoke-Command -Session $s -AsJob -ScriptBlock { New-AzureStackActivation @using:p }
        }
        'Remove-AzureStackActivation' { return Invoke-Command -Session $s -AsJob -ScriptBlock { Remove-AzureStackActivation @using:p } }
    }
    throw ("'{0}' is not an allowed privileged endpoint command." -f $Cmdlet)
}

function Send-JobStreams {
    param($Child, [hashtable] $Seen, [string] $Id)
    $progress = $Child.Progress
    for ($i = $Seen['progress']; $i -lt $progress.Count; $i++) {
        $record = $progress[$i]
        $message = [ordered]@{ type = 'progress'; id = $Id; activity = [string]$record.Activity; status = [string]$record.StatusDescription }
        if ($record.PercentComplete -ge 0) { $message['percent'] = [int]$record.PercentComplete }
        if ($record.SecondsRemaining -ge 0) { $message['secondsRemaining'] = [int]$record.SecondsRemaining }
        Send-Message -Message $message
    }
    $Seen['progress'] = $progress.Count
    foreach ($stream in @('verbose', 'warning')) {
        $records = $Child.$stream
        for ($i = $Seen[$stream]; $i -lt $records.Count; $i++) {
            Send-Message -Message ([ordered]@{ type = $stream; id = $Id; message = [string]$records[$i].Message })
        }
        $Seen[$stream] = $records.Count
    }
    $information = $Child.Information
    for ($i = $Seen['information']; $i -lt $information.Count; $i++) {
        Send-Message -Message ([ordered]@{ type = 'information'; id = $Id; message = [string]$information[$i].MessageData })
    }
    $Seen['information'] = $information.Count
}

function Invoke-PepCommand {
    param($Request)
    $id = [string]$Request.id
    Confirm-Session -Id $id
    $parameters = ConvertTo-ParameterTable -Params $Request.params
    $job = Start-PepJob -Cmdlet ([string]$Request.cmd) -Parameters $parameters -ArgumentListForm ([bool]$Request.argumentListForm)
    $child = $job.ChildJobs[0]
    $seen = @{ progress = 0; verbose = 0; warning = 0; information = 0 }
    $deadline = [DateTime]::UtcNow.AddMilliseconds([double]$Request.timeoutMs)
    $stopped = $null
    while ($job.State -eq 'NotStarted' -or $job.State -eq 'Running') {
        Send-JobStreams -Child $child -Seen $seen -Id $id
        $line = Receive-Line -WaitMs 250
        if ($null -ne $line) {
            $next = ConvertFrom-ProtocolLine -Line $line
            if ($null -ne $next -and $next.op -eq 'cancel' -and [string]$next.id -eq $id) { $stopped = 'cancelled' }
            else { $script:Backlog.Enqueue($line) }
        }
        if ($script:EndOfInput) { $stopped = 'input closed' }
        if ($null -eq $stopped -and [DateTime]::UtcNow -gt $deadline) { $stopped = 'timed out' }
        if ($null -ne $stopped) {
            Stop-Job -Job $job
            break
        }
    }
    Send-JobStreams -Child $child -Seen $seen -Id $id
    $errs = $null
    $output = @(Receive-Job -Job $job -Wait -ErrorAction SilentlyContinue -ErrorVariable errs)
    $state = [string]$child.JobStateInfo.State
    $reason = $child.JobStateInfo.Reason
    Remove-Job -Job $job -Force
    if ($null -ne $stopped) {
        Send-Failure -Id $id -Info ([ordered]@{ message = ('The command was stopped ({0}).' -f $stopped); fqid = 'PipelineStopped'; reason = $stopped })
        return
    }
    $errors = @($errs | Where-Object { $null -ne $_ } | ForEach-Object { Get-ErrorInfo -ErrorRecord $_ })
    if ($state -eq 'Failed' -and $output.Count -eq 0) {
        if ($errors.Count -gt 0) { $info = $errors[$errors.Count - 1] }
        elseif ($null -ne $reason) { $info = Get-ExceptionInfo -Exception $reason }
        else { $info = [ordered]@{ message = 'The command failed without an error record.' } }
        Send-Failure -Id $id -Info $info
        return
    }
    $plain = New-Object -TypeName 'System.Collections.Generic.List[object]'
    foreach ($item in $output) { $plain.Add((ConvertTo-PlainData -Value $item)) }
    Send-Message -Message ([ordered]@{ type = 'result'; id = $id; output = $plain.ToArray(); errors = $errors })
}

# TrustedHosts as WinRM's client reads it, from the registry: readable by a standard user and with the
# WinRM service stopped (WSMan:\ needs both elevation and a running service). A Group Policy value wins
# over the local one. Returns @{ value; source } or @{ error } when neither key can be read.
function Read-TrustedHosts {
    $policyPath = 'SOFTWARE\Policies\Microsoft\Windows\WinRM\Client'
    $clientPath = 'SOFTWARE\Microsoft\Windows\CurrentVersion\WSMAN\Client'
    try {
        $machine = [Microsoft.Win32.RegistryKey]::OpenBaseKey([Microsoft.Win32.RegistryHive]::LocalMachine, [Microsoft.Win32.RegistryView]::Registry64)
        $policy = $machine.OpenSubKey($policyPath)
        if ($null -ne $policy) {
            # The "Trusted Hosts" policy: TrustedHosts = 1 (enabled) with the list in TrustedHostsList.
            $list = $policy.GetValue('TrustedHostsList')
            $flag = $policy.GetValue('TrustedHosts')
            $policy.Dispose()
            if ($null -ne $list) { return @{ value = [string]$list; source = 'policy' } }
            if ($flag -is [string]) { return @{ value = [string]$flag; source = 'policy' } }
        }
        $client = $machine.OpenSubKey($clientPath)
        if ($null -eq $client) { return @{ value = ''; source = 'client' } }
        $value = $client.GetValue('trusted_hosts')
        $client.Dispose()
        return @{ value = [string]$value; source = 'client' }
    } catch {
        return @{ error = [string]$_.Exception.Message }
    }
}

function Invoke-Preflight {
    param($Request)
    $id = [string]$Request.id
    $message = [ordered]@{ type = 'preflight'; id = $id }
    $pswsman = $null
    if ($script:OffWindows) {
        # No WSMan: drive and no TrustedHosts here; report the WSMan client instead.
        $message['trustedHosts'] = ''
        $message['platform'] = 'linux'
        if ($IsMacOS) { $message['platform'] = 'macos' }
        $pswsman = Get-PSWSManModule
    } else {
        $trusted = Read-TrustedHosts
        if ($trusted.ContainsKey('error')) {
            $message['trustedHosts'] = $null
            $message['trustedHostsError'] = $trusted['error']
        } else {
            $message['trustedHosts'] = $trusted['value']
            $message['trustedHostsSource'] = $trusted['source']
        }
        try { $message['winrmService'] = [string](Get-Service -Name 'WinRM' -ErrorAction Stop).Status } catch { $message['winrmService'] = 'unknown' }
    }
    $message['executionPolicy'] = [string](Get-ExecutionPolicy)
    foreach ($entry in (Get-ExecutionPolicy -List)) {
        if ([string]$entry.ExecutionPolicy -ne 'Undefined') { $message['executionPolicyScope'] = [string]$entry.Scope; break }
    }
    if ($null -ne $pswsman) {
        $message['pswsman'] = [string]$pswsman.Version
        # PSWSMan 2.x signs in with NTLM through the system GSSAPI, which needs gss-ntlmssp on Linux.
        if ($IsLinux -and $pswsman.Version.Major -lt 3) { $message['gssNtlmssp'] = Test-Path -LiteralPath '/etc/gss/mech.d/ntlmssp.conf' }
    }
    Send-Message -Message $message
}

function Close-PepSession {
    param($Request)
    $id = [string]$Request.id
    $copied = $false
    if ($null -ne $script:Session) {
        if ($Request.transcriptShare) {
            try {
                $cp = @{ TranscriptsPathDestination = [string]$Request.transcriptShare }
                if ($Request.shareUser) {
                    $shareSecure = ConvertTo-SecureString -String ([string]$Request.sharePassword) -AsPlainText -Force
                    $Request.sharePassword = $null
                    $cp['Credential'] = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList ([string]$Request.shareUser), $shareSecure
                }
                $null = Invoke-Command -Session $script:Session -ErrorAction Stop -ScriptBlock { Close-PrivilegedEndpoint @using:cp }
                $copied = $true
            } catch {
                $info = Get-ErrorInfo -ErrorRecord $_
                Send-Message -Message ([ordered]@{ type = 'warning'; id = $id; message = ('Close-PrivilegedEndpoint failed: {0}' -f $info['message']) })
            }
        }
        Remove-PSSession -Session $script:Session -ErrorAction SilentlyContinue
        $script:Session = $null
    }
    $script:Credential = $null
    Send-Message -Message ([ordered]@{ type = 'closed'; id = $id; transcriptsCopied = $copied })
    $script:Stopping = $true
}

function Invoke-Request {
    param([string] $Line)
    $request = ConvertFrom-ProtocolLine -Line $Line
    if ($null -eq $request -or $null -eq $request.op) {
        Send-Failure -Id '' -Info ([ordered]@{ message = 'The host received a line that is not a protocol message.'; fqid = 'ProtocolError' })
        return
    }
    $id = [string]$request.id
    try {
        switch -Exact ([string]$request.op) {
            'preflight' { Invoke-Preflight -Request $request }
            'connect' { Invoke-Connect -Request $request }
            'invoke' { Invoke-PepCommand -Request $request }
            'close' { Close-PepSession -Request $request }
            'cancel' { }
            default { Send-Failure -Id $id -Info ([ordered]@{ message = ('Unknown operation {0}.' -f [string]$request.op); fqid = 'ProtocolError' }) }
        }
    } catch {
        Send-Failure -Id $id -Info (Get-ErrorInfo -ErrorRecord $_)
    } finally {
        $request = $null
    }
}

# ---------------------------------------------------------------------------------------------
# Main

$language = [string]$ExecutionContext.SessionState.LanguageMode
$hello = [ordered]@{
    type = 'hello'
    ps = [string]$PSVersionTable.PSVersion
    edition = [string]$PSVersionTable.PSEdition
    lang = $language
    protocol = $script:ProtocolVersion
}
if ($language -ne 'FullLanguage') {
    # Constrained Language Mode cannot use [Console]; the app refuses this host after the greeting.
    Write-Output (ConvertTo-Json -InputObject $hello -Compress)
    exit 0
}
Send-Message -Message $hello
Open-Input
try {
    while (-not $script:Stopping) {
        $line = Receive-Line -WaitMs -1
        if ($null -eq $line) {
            if ($script:EndOfInput) { break }
            continue
        }
        # Stray pipeline output would reach stdout as text: protocol lines go through Send-Message only.
        if ($line.Trim().Length -gt 0) { $null = Invoke-Request -Line $line }
        $line = $null
    }
} finally {
    # stdin closed (the app exited) or the session was closed: never leave a PEP session behind.
    if ($null -ne $script:Session) { Remove-PSSession -Session $script:Session -ErrorAction SilentlyContinue }
    $script:Session = $null
    $script:Credential = $null
}
exit 0
