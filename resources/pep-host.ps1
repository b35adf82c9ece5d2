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
      - the password becomes a SecureString at once and its field is cleared; it is never written;
      - the refresh token (New-AzureBridgeServicePrincipal) is copied from its field into that cmdlet's
        splat only, and its field is cleared; it is never written;
      - no value that holds a secret (an input line, the parsed request, the password) is ever the
        argument of a command or function: module logging (event 4103) and transcription record
        command parameter values. Input lines are parsed with .NET (JavaScriptSerializer on 5.1,
        System.Text.Json on 7), the SecureString is built with AppendChar, and handlers read the
        request from $script:Request instead of taking it as a parameter;
      - commands that change the stamp are never repeated here; a transport break during one is
        reported with the session state so the app can say "outcome unknown".

    Protocol additions (version 1, optional fields; electron/pep/protocol.ts):
      - error.origin 'remote' (the endpoint reported it) or 'local' (this computer: WinRM client,
        transport, host); error.target (the error record's TargetObject when it is a short string,
        e.g. the command that was not found); error.sessionState and error.jobState (the PSSession
        and job state when a command failed, e.g. Broken or Disconnected);
      - closed.transcripts: 'copied', 'probably-copied' (the transport broke right after
        Close-PrivilegedEndpoint, which ends the session), 'failed' or 'none'.
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
$script:InputLine = $null
$script:Request = $null
$script:Serializer = $null
# How long a job may stay Blocked (waiting for input nobody can give) or Disconnected before it is
# abandoned, and how long a stop may take to settle.
$script:StuckLimitMs = 60000
$script:StopSettleMs = 30000
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
    $info = [ordered]@{ message = $text; type = $typeName; origin = 'local' }
    if ($ErrorRecord -is [System.Management.Automation.Runspaces.RemotingErrorRecord] -or $exception -is [System.Management.Automation.RemoteException]) {
        $info['origin'] = 'remote'
    }
    if ($ErrorRecord.FullyQualifiedErrorId) { $info['fqid'] = [string]$ErrorRecord.FullyQualifiedErrorId }
    if ($ErrorRecord.TargetObject -is [string] -and ([string]$ErrorRecord.TargetObject).Length -le 200) { $info['target'] = [string]$ErrorRecord.TargetObject }
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
    return [ordered]@{ message = [string]$Exception.Message; type = $Exception.GetType().FullName; origin = 'local' }
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
    if ($script:IsCore) {
        $null = [System.Reflection.Assembly]::Load('System.Text.Json')
    } else {
        $null = [System.Reflection.Assembly]::Load('System.Web.Extensions, Version=4.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35')
        $script:Serializer = [System.Web.Script.Serialization.JavaScriptSerializer]::new()
        $script:Serializer.MaxJsonLength = [int]::MaxValue
    }
}

# Returns the next line, or $null when none arrived within WaitMs (-1: wait forever) or at EOF.
# -Fresh reads stdin only: lines put aside while a job runs wait in the backlog until it ends.
function Receive-Line {
    param([int] $WaitMs, [switch] $Fresh)
    if (-not $Fresh -and $script:Backlog.Count -gt 0) { return $script:Backlog.Dequeue() }
    if ($script:EndOfInput) { return $null }
    if ($null -eq $script:ReadTask) { $script:ReadTask = $script:Reader.ReadLineAsync() }
    if (-not $script:ReadTask.Wait($WaitMs)) { return $null }
    $line = $script:ReadTask.Result
    $script:ReadTask = $null
    if ($null -eq $line) { $script:EndOfInput = $true }
    return $line
}

# Parses $script:InputLine (never a parameter: it may carry a password) with .NET, not with a cmdlet.
# Returns a hashtable (nested objects: dictionaries, arrays: lists or arrays), or $null for anything else.
function ConvertFrom-ProtocolLine {
    try {
        if (-not $script:IsCore) {
            $parsed = $script:Serializer.DeserializeObject($script:InputLine)
            if ($parsed -isnot [System.Collections.Generic.Dictionary[string, object]]) { return $null }
            # A hashtable answers $null for a missing field.
            $table = @{}
            foreach ($pair in $parsed.GetEnumerator()) { $table[$pair.Key] = $pair.Value }
            $parsed.Clear()
            return , $table
        }
        $document = [System.Text.Json.JsonDocument]::Parse($script:InputLine)
        try {
            if ($document.RootElement.ValueKind -ne [System.Text.Json.JsonValueKind]::Object) { return $null }
            $root = @{}
            # A work list instead of recursion: no element of the document is ever a function argument.
            $work = New-Object -TypeName 'System.Collections.Generic.Queue[object]'
            foreach ($property in $document.RootElement.EnumerateObject()) { $work.Enqueue(@($root, $property.Name, $property.Value, 1)) }
            while ($work.Count -gt 0) {
                $entry = $work.Dequeue()
                $element = $entry[2]
                $value = $null
                switch ([string]$element.ValueKind) {
                    'String' { $value = $element.GetString() }
                    'Number' {
                        $whole = [long]0
                        if ($element.TryGetInt64([ref]$whole)) { $value = $whole } else { $value = $element.GetDouble() }
                    }
                    'True' { $value = $true }
                    'False' { $value = $false }
                    'Array' {
                        if ($entry[3] -ge 3) { return $null }
                        $value = New-Object -TypeName 'System.Collections.Generic.List[object]'
                        foreach ($item in $element.EnumerateArray()) {
                            $value.Add($null)
                            $work.Enqueue(@($value, ($value.Count - 1), $item, ($entry[3] + 1)))
                        }
                    }
                    'Object' {
                        if ($entry[3] -ge 3) { return $null }
                        $value = [System.Collections.Generic.Dictionary[string, object]]::new()
                        foreach ($property in $element.EnumerateObject()) { $work.Enqueue(@($value, $property.Name, $property.Value, ($entry[3] + 1))) }
                    }
                }
                $entry[0][$entry[1]] = $value
            }
            return , $root
        } finally {
            $document.Dispose()
        }
    } catch {
        return $null
    }
}

# Invoke params arrive as a dictionary: copy them into a hashtable, keeping base values only, so
# they travel to the endpoint as plain data. They never carry a secret.
function ConvertTo-ParameterTable {
    param($Params)
    $table = @{}
    if ($null -eq $Params) { return $table }
    foreach ($name in @($Params.Keys)) {
        $value = $Params[$name]
        if ($value -is [string]) { $value = [string]::new([char[]]$value) }
        elseif ($value -is [bool]) { $value = [bool]$value }
        elseif ($value -is [int]) { $value = [int]$value }
        elseif ($value -is [long]) { $value = [long]$value }
        elseif ($value -is [double] -or $value -is [decimal]) { $value = [double]$value }
        else { throw ("Parameter '{0}' is not a string, number or boolean." -f $name) }
        $table[[string]$name] = $value
    }
    return $table
}

# ---------------------------------------------------------------------------------------------
# Session

# Error IDs come from PowerShell's table of WinRM error codes (WSManTransportManagerUtils
# _transportErrorCodeToFQEID); codes without a name appear as the number itself. Matching on them
# works whatever the workstation's language.
$script:CredentialErrorIds = @('AccessDenied', 'LogonFailure', 'AuthenticationFailed')
# 1326 logon failure, 1327 account restriction, 1330 password expired, 1331 account disabled,
# 1909 account locked out, 5 access denied, SEC_E_LOGON_DENIED (Kerberos).
$script:CredentialErrorCodes = @(5, 1311, 1326, 1327, 1330, 1331, 1909, -2146893044)
$script:NetworkErrorIds = @('WinRMOperationTimeout', 'WinRMOperationAborted', 'NetworkPathNotFound', 'ComputerNotFound', 'CannotConnectWinRMService', 'ImproperResponse', 'URLNotAvailable')
# WinHTTP: 12002 timeout, 12007 name not resolved, 12029 cannot connect, 12030 connection aborted.
$script:NetworkErrorCodes = @(53, 1722, 12002, 12007, 12029, 12030, -2144108250, -2144108103)

# The first part of a FullyQualifiedErrorId ("LogonFailure,PSSessionOpenFailed" -> "LogonFailure").
function Get-ErrorIdHead {
    param([System.Collections.IDictionary] $Info)
    return ([string]$Info['fqid']).Split(',')[0].Trim()
}

# A refused credential: one try, no other address (each try brings the CloudAdmin lockout closer).
function Test-CredentialError {
    param([System.Collections.IDictionary] $Info)
    if ($script:CredentialErrorIds -contains (Get-ErrorIdHead -Info $Info)) { return $true }
    return $null -ne $Info['transportCode'] -and $script:CredentialErrorCodes -contains [int]$Info['transportCode']
}

# Only a transport exception of this computer's WinRM client whose code says "network" is worth
# another try; every other failure (trust, configuration, credential) stays the same when repeated.
function Test-TransientOpenError {
    param([System.Collections.IDictionary] $Info)
    if ($Info['origin'] -eq 'remote') { return $false }
    if ($script:NetworkErrorIds -contains (Get-ErrorIdHead -Info $Info)) { return $true }
    return [string]$Info['type'] -like '*PSRemotingTransportException' -and $null -ne $Info['transportCode'] -and
        $script:NetworkErrorCodes -contains [int]$Info['transportCode']
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

# Tries each ERCS address in order; per address three tries, 10 s apart, for network errors only;
# a refused credential ends it at once.
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
                if (Test-CredentialError -Info $lastError) {
                    # Trying again, or another address, with a refused credential only brings the lockout closer.
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

# The password becomes a SecureString one character at a time: no cmdlet (ConvertTo-SecureString)
# ever receives it, so module logging and transcription have nothing to record.
function Invoke-Connect {
    $id = [string]$script:Request['id']
    $secure = [System.Security.SecureString]::new()
    foreach ($character in ([string]$script:Request['password']).ToCharArray()) { $secure.AppendChar($character) }
    $script:Request['password'] = $null
    $character = $null
    $secure.MakeReadOnly()
    $script:Credential = [System.Management.Automation.PSCredential]::new([string]$script:Request['user'], $secure)
    $script:Hosts = @(foreach ($address in $script:Request['hosts']) { [string]$address })
    if ($script:Request['idleTimeoutMs']) { $script:IdleTimeoutMs = [int]$script:Request['idleTimeoutMs'] }
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
        'New-AzureBridgeServicePrincipal' {
            # The refresh token arrives as the request's own secret field, never in params, and goes into
            # this splat here only: it reaches the endpoint as data in @using:p (the PEP transcribes it
            # there), never as the argument of a local command or function. The field is cleared at once.
            if (-not $script:Request['refreshToken']) { throw 'New-AzureBridgeServicePrincipal needs the refresh token field.' }
            $p['RefreshToken'] = [string]::new(([string]$script:Request['refreshToken']).ToCharArray())
            $script:Request['refreshToken'] = $null
            return Invoke-Command -Session $s -AsJob -ScriptBlock { New-AzureBridgeServicePrincipal @using:p }
        }
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

# The states a job passes through before it ends. Blocked (waiting for input nobody can give) and
# Disconnected (the session dropped) are bounded by $script:StuckLimitMs, then reported.
$script:WaitingStates = @('NotStarted', 'Running', 'Blocked', 'Disconnected', 'Stopping', 'Suspending', 'Suspended')

function Invoke-PepCommand {
    $id = [string]$script:Request['id']
    $cmd = [string]$script:Request['cmd']
    $timeoutMs = [double]$script:Request['timeoutMs']
    Confirm-Session -Id $id
    $parameters = ConvertTo-ParameterTable -Params $script:Request['params']
    $job = Start-PepJob -Cmdlet $cmd -Parameters $parameters -ArgumentListForm ([bool]$script:Request['argumentListForm'])
    $child = $job.ChildJobs[0]
    $seen = @{ progress = 0; verbose = 0; warning = 0; information = 0 }
    $deadline = [DateTime]::UtcNow.AddMilliseconds($timeoutMs)
    $stopped = $null
    $stuck = $null
    $stuckSince = $null
    while ($script:WaitingStates -contains [string]$job.State) {
        Send-JobStreams -Child $child -Seen $seen -Id $id
        $state = [string]$job.State
        if ($state -eq 'Blocked' -or $state -eq 'Disconnected') {
            if ($null -eq $stuckSince) { $stuckSince = [DateTime]::UtcNow }
            elseif (([DateTime]::UtcNow - $stuckSince).TotalMilliseconds -gt $script:StuckLimitMs) { $stuck = $state }
        } else {
            $stuckSince = $null
        }
        # Only fresh input: a line that is not our cancel waits in the backlog until the job ends.
        $line = Receive-Line -WaitMs 250 -Fresh
        if ($null -ne $line) {
            $script:InputLine = $line
            $next = ConvertFrom-ProtocolLine
            $script:InputLine = $null
            if ($null -ne $next -and [string]$next['op'] -eq 'cancel' -and [string]$next['id'] -eq $id) { $stopped = 'cancelled' }
            elseif ($line.Trim().Length -gt 0) { $script:Backlog.Enqueue($line) }
            $next = $null
            $line = $null
        }
        if ($script:EndOfInput) { $stopped = 'input closed' }
        if ($null -eq $stopped -and [DateTime]::UtcNow -gt $deadline) { $stopped = 'timed out' }
        if ($null -ne $stopped -or $null -ne $stuck) { break }
    }
    $sessionState = ''
    if ($null -ne $script:Session) { $sessionState = [string]$script:Session.State }
    if ($null -ne $stuck) {
        # Stop-Job on a Disconnected job waits for a transport that is gone: the job is left behind,
        # and the session is reopened for the next command.
        if ($stuck -eq 'Blocked') { Stop-Job -Job $job -ErrorAction SilentlyContinue }
        else { $script:Session = $null }
        Send-JobStreams -Child $child -Seen $seen -Id $id
        $message = 'The command stayed {0} for more than {1} s and was abandoned; it may still be running on the stamp.' -f $stuck, [int]($script:StuckLimitMs / 1000)
        Send-Failure -Id $id -Info ([ordered]@{ message = $message; fqid = ('Job{0}' -f $stuck); origin = 'local'; jobState = $stuck; sessionState = $sessionState })
        return
    }
    if ($null -ne $stopped) {
        Stop-Job -Job $job -ErrorAction SilentlyContinue
        $settle = [DateTime]::UtcNow.AddMilliseconds($script:StopSettleMs)
        while ($script:WaitingStates -contains [string]$job.State -and [DateTime]::UtcNow -lt $settle) { Start-Sleep -Milliseconds 100 }
    }
    Send-JobStreams -Child $child -Seen $seen -Id $id
    $errs = $null
    # The job has ended, so Receive-Job does not wait. Its warnings and information were already sent as
    # protocol lines; silenced here they can never reach stdout as host output.
    $output = @(Receive-Job -Job $job -ErrorAction SilentlyContinue -ErrorVariable errs -WarningAction SilentlyContinue -InformationAction SilentlyContinue)
    $state = [string]$child.JobStateInfo.State
    $reason = $child.JobStateInfo.Reason
    if ($script:WaitingStates -notcontains [string]$job.State) { Remove-Job -Job $job -Force -ErrorAction SilentlyContinue }
    if ($null -ne $script:Session) { $sessionState = [string]$script:Session.State }
    if ($null -ne $stopped) {
        Send-Failure -Id $id -Info ([ordered]@{ message = ('The command was stopped ({0}).' -f $stopped); fqid = 'PipelineStopped'; reason = $stopped; origin = 'local'; jobState = $state; sessionState = $sessionState })
        return
    }
    $errors = @($errs | Where-Object { $null -ne $_ } | ForEach-Object { Get-ErrorInfo -ErrorRecord $_ })
    foreach ($info in $errors) {
        $info['jobState'] = $state
        $info['sessionState'] = $sessionState
    }
    if ($state -eq 'Failed' -and $output.Count -eq 0) {
        if ($errors.Count -gt 0) { $info = $errors[$errors.Count - 1] }
        elseif ($null -ne $reason) { $info = Get-ExceptionInfo -Exception $reason }
        else { $info = [ordered]@{ message = 'The command failed without an error record.'; origin = 'local' } }
        $info['jobState'] = $state
        $info['sessionState'] = $sessionState
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
    $id = [string]$script:Request['id']
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

# Close-PrivilegedEndpoint copies the transcripts to the share and ends the session on the endpoint,
# so a transport error right after it most likely means it worked. It runs only with the share
# credential: without it the endpoint would prompt, which a non-interactive host cannot answer.
function Close-PepSession {
    $id = [string]$script:Request['id']
    $transcripts = 'none'
    if ($null -ne $script:Session -and $script:Request['transcriptShare']) {
        if (-not $script:Request['shareUser'] -or -not $script:Request['sharePassword']) {
            $transcripts = 'failed'
            Send-Message -Message ([ordered]@{ type = 'warning'; id = $id; message = 'The transcript share needs its own credential; the transcripts were not copied.' })
        } else {
            $shareSecure = [System.Security.SecureString]::new()
            foreach ($character in ([string]$script:Request['sharePassword']).ToCharArray()) { $shareSecure.AppendChar($character) }
            $script:Request['sharePassword'] = $null
            $character = $null
            $shareSecure.MakeReadOnly()
            $cp = @{
                TranscriptsPathDestination = [string]$script:Request['transcriptShare']
                Credential = [System.Management.Automation.PSCredential]::new([string]$script:Request['shareUser'], $shareSecure)
            }
            try {
                $null = Invoke-Command -Session $script:Session -ErrorAction Stop -WarningAction SilentlyContinue -InformationAction SilentlyContinue -ScriptBlock { Close-PrivilegedEndpoint @using:cp }
                $transcripts = 'copied'
            } catch {
                $info = Get-ErrorInfo -ErrorRecord $_
                $broken = [string]$script:Session.State -ne 'Opened'
                if ($info['origin'] -ne 'remote' -and ($broken -or [string]$info['type'] -like '*PSRemotingTransportException')) {
                    $transcripts = 'probably-copied'
                    Send-Message -Message ([ordered]@{ type = 'warning'; id = $id; message = ('The session ended while Close-PrivilegedEndpoint ran ({0}).' -f $info['message']) })
                } else {
                    $transcripts = 'failed'
                    Send-Message -Message ([ordered]@{ type = 'warning'; id = $id; message = ('Close-PrivilegedEndpoint failed: {0}' -f $info['message']) })
                }
            }
        }
    }
    if ($null -ne $script:Session) {
        Remove-PSSession -Session $script:Session -ErrorAction SilentlyContinue
        $script:Session = $null
    }
    $script:Credential = $null
    Send-Message -Message ([ordered]@{ type = 'closed'; id = $id; transcriptsCopied = ($transcripts -eq 'copied'); transcripts = $transcripts })
    $script:Stopping = $true
}

# Handles $script:InputLine. Handlers read the parsed request from $script:Request: it may hold a
# password, so it is never passed to a command.
function Invoke-Request {
    $script:Request = ConvertFrom-ProtocolLine
    $script:InputLine = $null
    if ($null -eq $script:Request -or $null -eq $script:Request['op']) {
        $script:Request = $null
        Send-Failure -Id '' -Info ([ordered]@{ message = 'The host received a line that is not a protocol message.'; fqid = 'ProtocolError'; origin = 'local' })
        return
    }
    $id = [string]$script:Request['id']
    $op = [string]$script:Request['op']
    try {
        switch -Exact ($op) {
            'preflight' { Invoke-Preflight }
            'connect' { Invoke-Connect }
            'invoke' { Invoke-PepCommand }
            'close' { Close-PepSession }
            'cancel' { }
            default { Send-Failure -Id $id -Info ([ordered]@{ message = ('Unknown operation {0}.' -f $op); fqid = 'ProtocolError'; origin = 'local' }) }
        }
    } catch {
        Send-Failure -Id $id -Info (Get-ErrorInfo -ErrorRecord $_)
    } finally {
        $script:Request = $null
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
        if ($line.Trim().Length -gt 0) {
            $script:InputLine = $line
            $null = Invoke-Request
        }
        $line = $null
    }
} finally {
    # stdin closed (the app exited) or the session was closed: never leave a PEP session behind.
    if ($null -ne $script:Session) { Remove-PSSession -Session $script:Session -ErrorAction SilentlyContinue }
    $script:Session = $null
    $script:Credential = $null
}
exit 0
