import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { Language, Parser } from 'web-tree-sitter';
import type { Node } from 'web-tree-sitter';
import { ALLOWED_CMDLETS } from '../../../../electron/pep/protocol';

// Static checks of resources/pep-host.ps1 on its syntax tree (tree-sitter-powershell), since no
// PowerShell runs here. Each rule is also run on a bad snippet, so a broken rule cannot pass silently.

const SCRIPT = readFileSync(fileURLToPath(new URL('../../../../resources/pep-host.ps1', import.meta.url)), 'utf8');
const WASM = fileURLToPath(new URL('../../../../node_modules/tree-sitter-powershell/tree-sitter-powershell.wasm', import.meta.url));
const REMOTE_ALLOWED = new Set([...ALLOWED_CMDLETS, 'Close-PrivilegedEndpoint'].map((c) => c.toLowerCase()));
const ARGUMENT_LIST_FALLBACK = /^New-AzureStackActivation\s+-ActivationKey\s+\$args\[0\]\s+-TimeoutInSeconds\s+1800$/;
const WRITERS = /^(write-|out-|send-|add-content$|set-content$|tee-object$|start-transcript$|convertto-json$)/i;

let parser: Parser;
beforeAll(async () => {
  await Parser.init();
  parser = new Parser();
  parser.setLanguage(await Language.load(WASM));
});

const parse = (src: string): Node => {
  const tree = parser.parse(src);
  if (!tree) throw new Error('parser returned no tree');
  return tree.rootNode;
};
const all = (root: Node, type: string): Node[] => root.descendantsOfType(type).filter((n): n is Node => n !== null);
const commandName = (cmd: Node): string => cmd.childForFieldName('command_name')?.text ?? '';
const ancestor = (n: Node, pred: (a: Node) => boolean): Node | null => {
  for (let a = n.parent; a; a = a.parent) if (pred(a)) return a;
  return null;
};

const syntaxErrors = (root: Node): string[] => {
  const bad: string[] = [];
  const walk = (n: Node) => {
    if (n.type === 'ERROR' || n.isMissing) bad.push(`${n.type} at ${n.startPosition.row + 1}:${n.startPosition.column + 1}`);
    for (const c of n.children) if (c) walk(c);
  };
  walk(root);
  return bad;
};

/** Every Invoke-Command runs one literal script block: one allow-listed cmdlet with a $using: splat. */
const remoteBlockViolations = (root: Node): string[] => {
  const problems: string[] = [];
  for (const cmd of all(root, 'command').filter((c) => /^invoke-command$/i.test(commandName(c)))) {
    const blocks = all(cmd, 'script_block_expression').filter((b) => ancestor(b, (a) => a.type === 'command')?.id === cmd.id);
    const line = cmd.startPosition.row + 1;
    if (blocks.length !== 1) {
      problems.push(`line ${line}: Invoke-Command without exactly one literal script block`);
      continue;
    }
    const statements = all(blocks[0] as Node, 'pipeline').filter((p) => p.parent?.type === 'statement_list');
    const inner = all(blocks[0] as Node, 'command');
    if (statements.length !== 1 || inner.length !== 1) {
      problems.push(`line ${line}: script block is not a single command`);
      continue;
    }
    const remote = inner[0] as Node;
    const name = commandName(remote);
    if (!REMOTE_ALLOWED.has(name.toLowerCase())) problems.push(`line ${line}: ${name} is not allow-listed`);
    const args = (remote.childForFieldName('command_elements')?.text ?? '').trim();
    const splat = /^@using:[A-Za-z]\w*$/.test(args);
    if (!splat && !ARGUMENT_LIST_FALLBACK.test(remote.text.trim())) problems.push(`line ${line}: ${name} takes "${args}" instead of a @using: splat`);
  }
  return problems;
};

const dynamicCodeViolations = (root: Node): string[] => {
  const problems: string[] = [];
  for (const cmd of all(root, 'command')) {
    if (/^(invoke-expression|iex|add-type)$/i.test(commandName(cmd))) problems.push(`${commandName(cmd)} at line ${cmd.startPosition.row + 1}`);
    if (cmd.children.some((c) => c?.type === 'command_invokation_operator')) problems.push(`dynamic command (& or .) at line ${cmd.startPosition.row + 1}`);
  }
  for (const p of all(root, 'command_parameter')) if (/^-(command|encodedcommand|c|ec)$/i.test(p.text)) problems.push(`${p.text} at line ${p.startPosition.row + 1}`);
  for (const call of all(root, 'invokation_expression')) {
    if (/^\[(scriptblock|powershell|System\.Management\.Automation\.ScriptBlock)\]::Create/i.test(call.text)) problems.push(`${call.text.slice(0, 40)}`);
    if (/\.(InvokeScript|AddScript|NewScriptBlock)$/i.test(call.text.split('(')[0] ?? '')) problems.push(call.text.slice(0, 40));
  }
  return problems;
};

/** Fields of a request that carry a secret. */
const SECRET_FIELDS = /^(password|sharePassword|refreshToken)$/i;
/** Words that name a secret in a command that writes. */
const SECRET_WORDS = /password|refreshtoken/i;
/** Where secret-bearing data enters the script: the raw input line and the parsed request. */
const SECRET_HOLDERS = ['$script:InputLine', '$script:Request'];
/** Commands whose output is a raw input line. */
const LINE_SOURCES = /^receive-line$/i;

const lower = (s: string) => s.toLowerCase();
const stringKey = (access: Node): string | undefined => {
  const key = access.namedChildren.find((c, i) => i > 0 && c !== null);
  const m = /^['"]([A-Za-z]\w*)['"]$/.exec(key?.text.trim() ?? '');
  return m?.[1];
};
/** A variable's identity: `$script:` names are shared, others belong to their function (or the top level). */
const variableKey = (v: Node): string => {
  // A splat (`@p`) passes the variable `$p`; `@using:p` stays a remote reference to it.
  const name = lower(v.text).replace(/^@/, '$');
  if (/^\$(script|global):/.test(name)) return name;
  const fn = ancestor(v, (a) => a.type === 'function_statement');
  return `${fn?.id ?? 'top'}|${name}`;
};
/** The variable itself, unless it is narrowed to a named field that holds no secret (`$script:Request['hosts']`). */
const carriesWhole = (v: Node): boolean => {
  const access = v.parent?.type === 'element_access' && v.parent.child(0)?.id === v.id ? v.parent : undefined;
  const key = access ? stringKey(access) : undefined;
  return key === undefined || SECRET_FIELDS.test(key);
};
const variablesIn = (n: Node): Node[] => (n.type === 'variable' ? [n] : all(n, 'variable'));

/** What a function hands back: its `return` values and bare variable statements (`, $table`, `$x`). */
const outputsOf = (f: Node): Node[] =>
  [...all(f, 'flow_control_statement').filter((r) => /^return\b/i.test(r.text)), ...all(f, 'pipeline').filter((p) => p.parent?.type === 'statement_list' && /^,?\s*\$[\w:]+$/.test(p.text.trim()))].filter(
    (o) => ancestor(o, (a) => a.type === 'function_statement')?.id === f.id,
  );

/**
 * Variables that hold (part of) a secret, found to a fixed point: the raw input line, the parsed request,
 * anything assigned from them (except a named non-secret field), the output of a function that reads them
 * or of Receive-Line, and a foreach variable walking over them.
 */
const secretVariables = (root: Node): Set<string> => {
  const tainted = new Set(SECRET_HOLDERS.map(lower));
  const readers = new Set<string>();
  const reads = (n: Node): boolean => variablesIn(n).some((v) => tainted.has(variableKey(v)) && carriesWhole(v));
  const callsReader = (n: Node): boolean => all(n, 'command').some((c) => readers.has(lower(commandName(c))) || LINE_SOURCES.test(commandName(c)));
  for (let changed = true; changed; ) {
    changed = false;
    const add = (v: Node) => {
      const key = variableKey(v);
      if (!tainted.has(key)) {
        tainted.add(key);
        changed = true;
      }
    };
    for (const f of all(root, 'function_statement')) {
      const name = lower(f.namedChildren.find((c) => c?.type === 'function_name')?.text ?? '');
      if (!readers.has(name) && outputsOf(f).some((o) => reads(o) || callsReader(o))) {
        readers.add(name);
        changed = true;
      }
    }
    for (const a of all(root, 'assignment_expression')) {
      const target = variablesIn(a.child(0) as Node)[0];
      const value = a.child(2);
      if (target && value && (reads(value) || callsReader(value))) add(target);
    }
    // `$list.Add($secret)`, `$queue.Enqueue(@(…, $secret))`: the container now holds it. A SecureString
    // (AppendChar) is the protected form: logged, it reads "System.Security.SecureString".
    for (const call of all(root, 'invokation_expression')) {
      if (/\.AppendChar$/i.test(call.text.split('(')[0] ?? '')) continue;
      const target = call.child(0);
      const args = call.namedChildren.find((c) => c?.type === 'argument_list');
      if (target?.type === 'variable' && args && (reads(args) || callsReader(args))) add(target);
    }
    for (const loop of all(root, 'foreach_statement')) {
      const variable = loop.namedChildren.find((c) => c?.type === 'variable');
      const over = loop.namedChildren.find((c) => c?.type === 'pipeline');
      if (variable && over && (reads(over) || callsReader(over))) add(variable);
    }
  }
  return tainted;
};

/** No variable that holds a secret is ever an argument of a command, or piped into one. */
const secretArgumentViolations = (root: Node): string[] => {
  const tainted = secretVariables(root);
  const problems: string[] = [];
  const isSecret = (v: Node): boolean => tainted.has(variableKey(v)) && carriesWhole(v);
  for (const cmd of all(root, 'command')) {
    const elements = cmd.childForFieldName('command_elements');
    for (const v of elements ? variablesIn(elements) : []) {
      if (isSecret(v)) problems.push(`${v.text} is an argument of ${commandName(cmd)} at line ${v.startPosition.row + 1}`);
    }
    // `$secret | Command`: piped input is bound to a parameter too.
    const chain = cmd.parent;
    if (chain?.type === 'pipeline_chain') {
      const at = chain.namedChildren.findIndex((c) => c?.id === cmd.id);
      for (const b of chain.namedChildren.slice(0, at)) {
        for (const v of b ? variablesIn(b) : []) if (isSecret(v)) problems.push(`${v.text} is piped into ${commandName(cmd)} at line ${v.startPosition.row + 1}`);
      }
    }
  }
  return [...new Set(problems)];
};

/** The scoped names of `names` as `secretVariables` keys them, for assertions. */
const keysOf = (root: Node, names: string[]): string[] =>
  all(root, 'variable')
    .filter((v) => names.includes(lower(v.text)))
    .map(variableKey);

/**
 * The password fields are only read to build a SecureString character by character (no cmdlet), tested
 * for presence, and cleared; nothing that writes sees them.
 */
/**
 * The refresh token's one permitted read: copied as a fresh string into the splat of the
 * New-AzureBridgeServicePrincipal branch of Start-PepJob (`$p['RefreshToken'] = [string]::new(…)`),
 * which reaches the endpoint only as @using: data.
 */
const intoBridgeSplat = (use: Node): boolean => {
  if (!/^refreshToken$/i.test(stringKey(use) ?? '')) return false;
  const assignment = ancestor(use, (a) => a.type === 'assignment_expression');
  const target = assignment?.child(0)?.text.trim() ?? '';
  const value = assignment?.childForFieldName('value')?.text.trim() ?? assignment?.lastChild?.text.trim() ?? '';
  const fn = ancestor(use, (a) => a.type === 'function_statement');
  const branch = ancestor(use, (a) => a.type === 'switch_clause');
  return (
    target === "$p['RefreshToken']" &&
    /^\[string\]::new\(\(\[string\]\$script:Request\['refreshToken'\]\)\.ToCharArray\(\)\)$/.test(value) &&
    /^function Start-PepJob\b/i.test(fn?.text ?? '') &&
    /^'New-AzureBridgeServicePrincipal'/.test(branch?.text.trim() ?? '')
  );
};

const passwordViolations = (root: Node): string[] => {
  const problems: string[] = [];
  for (const cmd of all(root, 'command')) {
    if (WRITERS.test(commandName(cmd)) && SECRET_WORDS.test(cmd.text)) problems.push(`${commandName(cmd)} mentions a secret at line ${cmd.startPosition.row + 1}`);
    if (/^ConvertTo-SecureString$/i.test(commandName(cmd))) problems.push(`ConvertTo-SecureString at line ${cmd.startPosition.row + 1}`);
  }
  for (const call of all(root, 'invokation_expression')) {
    if (/\.Write(Line)?$/i.test(call.text.split('(')[0] ?? '') && SECRET_WORDS.test(call.text)) problems.push(`write call mentions a secret at line ${call.startPosition.row + 1}`);
  }
  const uses = [
    ...all(root, 'member_access').filter((m) => /password$/i.test(m.text)),
    ...all(root, 'element_access').filter((e) => SECRET_FIELDS.test(stringKey(e) ?? '')),
  ];
  for (const use of uses) {
    const loop = ancestor(use, (a) => a.type === 'foreach_statement');
    const body = loop?.namedChildren.find((c) => c?.type === 'statement_block')?.text.replace(/\s+/g, ' ') ?? '';
    const overLoop = loop !== null && ancestor(use, (a) => a.type === 'statement_block' && a.parent?.id === loop.id) === null;
    const appendsChars = overLoop && /\.ToCharArray\(\)\)?$/.test(loop.namedChildren.find((c) => c?.type === 'pipeline')?.text.trim() ?? '') && /^\{ \$\w+\.AppendChar\(\$\w+\) \}$/.test(body);
    const assignment = ancestor(use, (a) => a.type === 'assignment_expression');
    const cleared = assignment !== null && assignment.childForFieldName('value')?.text.trim() === '$null' && ancestor(use, (a) => a.type === 'left_assignment_expression') !== null;
    const tested = ancestor(use, (a) => a.parent?.type === 'if_statement' && a.parent.childForFieldName('condition')?.id === a.id) !== null;
    if (!appendsChars && !cleared && !tested && !intoBridgeSplat(use)) problems.push(`${use.text} used at line ${use.startPosition.row + 1}`);
  }
  return problems;
};

/** The branch taken under `if ($script:OffWindows)`: 'then', 'else', or undefined when not guarded by it. */
const offWindowsBranch = (n: Node): 'then' | 'else' | undefined => {
  for (let a = n.parent, child: Node = n; a; child = a, a = a.parent) {
    if (a.type === 'if_statement' && a.childForFieldName('condition')?.text.trim() === '$script:OffWindows') {
      return child.type === 'else_clause' ? 'else' : child.type === 'statement_block' ? 'then' : undefined;
    }
  }
  return undefined;
};

/**
 * Off Windows (pwsh with PSWSMan): the WSMan: drive is only read on Windows, every session asks for
 * $script:Authentication, which becomes Negotiate only off Windows, and OffWindows means Linux or macOS.
 */
const platformViolations = (root: Node): string[] => {
  const problems: string[] = [];
  // TrustedHosts is read from the registry: WSMan:\ needs elevation and a running WinRM service.
  for (const cmd of all(root, 'command').filter((c) => /WSMan:/i.test(c.text))) problems.push(`line ${cmd.startPosition.row + 1}: WSMan: drive read`);
  for (const cmd of all(root, 'command').filter((c) => /^new-pssession$/i.test(commandName(c)))) {
    if (!/-Authentication \$script:Authentication\b/.test(cmd.text)) problems.push(`line ${cmd.startPosition.row + 1}: New-PSSession without -Authentication $script:Authentication`);
  }
  const assignments = all(root, 'assignment_expression');
  for (const a of assignments.filter((x) => /^\$script:Authentication$/i.test(x.child(0)?.text.trim() ?? ''))) {
    const value = a.childForFieldName('value')?.text.trim() ?? a.lastChild?.text.trim();
    if (value === "'Negotiate'" && offWindowsBranch(a) !== 'then') problems.push(`line ${a.startPosition.row + 1}: Negotiate chosen outside the off-Windows branch`);
  }
  const flag = assignments.filter((x) => /^\$script:OffWindows$/i.test(x.child(0)?.text.trim() ?? ''));
  if (flag.length !== 1 || !/\$IsLinux -or \$IsMacOS/.test(flag[0]?.text ?? '')) problems.push('$script:OffWindows is not set once from $IsLinux -or $IsMacOS');
  return problems;
};

describe('pep-host.ps1 (static checks)', () => {
  it('parses without ERROR or MISSING nodes', () => {
    expect(syntaxErrors(parse(SCRIPT))).toEqual([]);
    expect(syntaxErrors(parse('function f { if ($a) { '))).not.toEqual([]);
  });

  it.each(['register-endpoint.ps1', 'allsigned.ps1', 'AzsPepStub/AzsPepStub.psm1', 'AzsPepStub/AzsPepStub.psd1', 'AzsPepStub/RoleCapabilities/PepStub.psrc', 'PrivilegedEndpoint.pssc'])(
    'Windows harness file %s parses too',
    (file) => {
      const src = readFileSync(fileURLToPath(new URL(`../../../windows/${file}`, import.meta.url)), 'utf8');
      expect(syntaxErrors(parse(src))).toEqual([]);
    },
  );

  it('runs only allow-listed cmdlets, each as a single command with a @using: splat', () => {
    const root = parse(SCRIPT);
    expect(remoteBlockViolations(root)).toEqual([]);
    const remote = all(root, 'command').filter((c) => /^invoke-command$/i.test(commandName(c)));
    // Six allow-listed cmdlets, the activation -ArgumentList fallback, and Close-PrivilegedEndpoint.
    expect(remote).toHaveLength(ALLOWED_CMDLETS.length + 2);
    for (const cmdlet of [...ALLOWED_CMDLETS, 'Close-PrivilegedEndpoint']) expect(SCRIPT).toContain(`{ ${cmdlet} @using:`);
    expect(SCRIPT).toMatch(/-ArgumentList \$key -ScriptBlock \{ New-AzureStackActivation -ActivationKey \$args\[0\] -TimeoutInSeconds 1800 \}/);

    expect(remoteBlockViolations(parse('Invoke-Command -Session $s -ScriptBlock { Get-AzureStackStampInformation -X $using:y }'))).toHaveLength(1);
    expect(remoteBlockViolations(parse('Invoke-Command -Session $s -ScriptBlock { Remove-Item @using:p }'))).toHaveLength(1);
    expect(remoteBlockViolations(parse('Invoke-Command -Session $s -ScriptBlock { Set-RegistrationKeyPair @using:p; Get-Date }'))).toHaveLength(1);
    expect(remoteBlockViolations(parse('Invoke-Command -Session $s -ScriptBlock $block'))).toHaveLength(1);
  });

  it('never builds code from data', () => {
    expect(dynamicCodeViolations(parse(SCRIPT))).toEqual([]);
    for (const bad of ["Invoke-Expression $line", 'iex $x', "powershell.exe -Command 'x'", "[scriptblock]::Create('x')", '& $cmd', '$ps.AddScript($text)']) {
      expect(dynamicCodeViolations(parse(bad)), bad).not.toEqual([]);
    }
  });

  it('only turns the password into a SecureString (AppendChar, no cmdlet) and clears it; no write or log call sees it', () => {
    expect(passwordViolations(parse(SCRIPT))).toEqual([]);
    for (const bad of [
      "Send-Message -Message @{ x = $script:Request['password'] }",
      "Write-Verbose ('pw ' + $Request.password)",
      "[Console]::Out.Write($script:Request['sharePassword'])",
      "$copy = $script:Request['password']",
      "$s = ConvertTo-SecureString -String ([string]$script:Request['password']) -AsPlainText -Force",
      "foreach ($c in ([string]$script:Request['password']).ToCharArray()) { $s.AppendChar($c); Write-Host $c }",
      // The refresh token: only into the bridge splat, in Start-PepJob's branch for that cmdlet.
      "Write-Verbose ('rt ' + $script:Request['refreshToken'])",
      "$rt = $script:Request['refreshToken']",
      "function Start-PepJob { switch ($c) { 'New-RegistrationToken' { $p['RefreshToken'] = [string]::new(([string]$script:Request['refreshToken']).ToCharArray()) } } }",
      "function Other { switch ($c) { 'New-AzureBridgeServicePrincipal' { $p['RefreshToken'] = [string]::new(([string]$script:Request['refreshToken']).ToCharArray()) } } }",
    ]) {
      expect(passwordViolations(parse(bad)), bad).not.toEqual([]);
    }
  });

  it('hands the refresh token to New-AzureBridgeServicePrincipal only as @using: data, from its own field, then clears the field', () => {
    const root = parse(SCRIPT);
    const start = SCRIPT.slice(SCRIPT.indexOf('function Start-PepJob'), SCRIPT.indexOf('function Send-JobStreams'));
    expect(start).toContain("$p['RefreshToken'] = [string]::new(([string]$script:Request['refreshToken']).ToCharArray())");
    expect(start.indexOf("$script:Request['refreshToken'] = $null")).toBeGreaterThan(start.indexOf("$p['RefreshToken'] ="));
    expect(start.indexOf("$script:Request['refreshToken'] = $null")).toBeLessThan(start.indexOf('{ New-AzureBridgeServicePrincipal @using:p }'));
    // The splat now holds the token: the taint rule follows it, and it is no command's argument.
    const fnOf = (v: Node) => ancestor(v, (a) => a.type === 'function_statement');
    const splat = all(root, 'variable').find((v) => v.text === '$p' && /^function Start-PepJob\b/.test(fnOf(v)?.text ?? ''));
    expect(splat && secretVariables(root).has(variableKey(splat))).toBe(true);
    expect(secretArgumentViolations(root)).toEqual([]);
    // Handed to a local command or function instead, it is caught.
    for (const bad of [
      "function Start-PepJob { $p = @{}\n$p['RefreshToken'] = [string]$script:Request['refreshToken']\nWrite-Verbose $p }",
      "function Start-PepJob { $p = @{}\n$p['RefreshToken'] = [string]$script:Request['refreshToken']\nNew-AzureBridgeServicePrincipal @p }",
      "New-AzureBridgeServicePrincipal -RefreshToken $script:Request['refreshToken']",
    ]) {
      expect(secretArgumentViolations(parse(bad)), bad).not.toEqual([]);
    }
  });

  it('never passes a value holding a secret (input line, request, password) to a command: module logging records parameters', () => {
    const root = parse(SCRIPT);
    expect(secretArgumentViolations(root)).toEqual([]);
    // The rule sees the secret flow through the script at all: these hold it, and none is a command argument.
    const tainted = secretVariables(root);
    for (const name of ['$line', '$next', '$character', '$element', '$script:inputline', '$script:request']) {
      expect(keysOf(root, [name]).some((k) => tainted.has(k)), name).toBe(true);
    }
    for (const name of ['$id', '$secure', '$sharesecure', '$cp', '$parameters']) {
      expect(keysOf(root, [name]).some((k) => tainted.has(k)), name).toBe(false);
    }
    // No cmdlet ever parses an input line; .NET does.
    expect(SCRIPT).not.toMatch(/ConvertFrom-Json/i);
    expect(SCRIPT).toContain('[System.Web.Script.Serialization.JavaScriptSerializer]::new()');
    expect(SCRIPT).toContain('[System.Text.Json.JsonDocument]::Parse($script:InputLine)');
    const receive = '$line = Receive-Line -WaitMs -1\n';
    for (const bad of [
      `${receive}$null = Invoke-Request -Line $line`,
      `${receive}$request = ConvertFrom-Json -InputObject $line`,
      `${receive}$line | ConvertFrom-Json`,
      "$pw = $script:Request['password']\n$s = ConvertTo-SecureString -String $pw -AsPlainText -Force",
      '$r = $script:Request\nInvoke-Connect -Request $r',
      "Close-PepSession -Request $script:Request",
      "Send-Failure -Id 'x' -Info @{ message = $script:InputLine }",
      // Through a function that reads the line, and through a loop variable.
      "function Read-It { return $script:InputLine }\n$copy = Read-It\nWrite-Verbose $copy",
      "foreach ($c in ([string]$script:Request['sharePassword']).ToCharArray()) { Add-Content -Path x -Value $c }",
      `${receive}$script:InputLine = $line\n$t = $script:InputLine.Trim()\nOut-File -InputObject $t -FilePath x`,
    ]) {
      expect(secretArgumentViolations(parse(bad)), bad).not.toEqual([]);
    }
    // Named non-secret fields are plain data.
    expect(secretArgumentViolations(parse("$hosts = $script:Request['hosts']\nWrite-Verbose $hosts\nSend-Failure -Id $script:Request['id']"))).toEqual([]);
  });

  it('job loop: bounded waits, fresh input only, no stray host output, no repeated credential', () => {
    // Blocked and Disconnected are waited on, bounded, and reported; no unbounded Receive-Job -Wait.
    expect(SCRIPT).toMatch(/\$script:WaitingStates = @\('NotStarted', 'Running', 'Blocked', 'Disconnected'/);
    expect(SCRIPT).toMatch(/\$script:StuckLimitMs\) \{ \$stuck = \$state \}/);
    expect(SCRIPT).not.toMatch(/Receive-Job[^\n]*-Wait/);
    // In the loop only stdin is read; put-aside lines wait in the backlog until the job ends.
    expect(SCRIPT).toContain('$line = Receive-Line -WaitMs 250 -Fresh');
    expect(SCRIPT).toContain('if (-not $Fresh -and $script:Backlog.Count -gt 0)');
    for (const cmd of all(parse(SCRIPT), 'command').filter((c) => /^(receive-job|invoke-command)$/i.test(commandName(c)) && !/-AsJob/.test(c.text))) {
      expect(cmd.text, 'host output silenced').toMatch(/-WarningAction SilentlyContinue -InformationAction SilentlyContinue/);
    }
    // A refused credential is not tried again, nor on another address.
    expect(SCRIPT).toMatch(/if \(Test-CredentialError -Info \$lastError\) \{\s+#[^\n]*\n\s+return @\{ ok = \$false/);
    expect(SCRIPT).toContain("$script:CredentialErrorIds = @('AccessDenied', 'LogonFailure', 'AuthenticationFailed')");
    // Close-PrivilegedEndpoint runs only with the share credential (the endpoint would otherwise prompt).
    const close = SCRIPT.slice(SCRIPT.indexOf('function Close-PepSession'), SCRIPT.indexOf('function Invoke-Request'));
    expect(close.indexOf("Credential = [System.Management.Automation.PSCredential]::new([string]$script:Request['shareUser'], $shareSecure)")).toBeGreaterThan(-1);
    expect(close.indexOf('Credential = [System.Management.Automation.PSCredential]')).toBeLessThan(close.indexOf('Close-PrivilegedEndpoint @using:cp'));
    expect(close).toContain("$transcripts = 'probably-copied'");
  });

  it('greets first, and opens the session with the required options', () => {
    expect(SCRIPT).toMatch(/New-PSSessionOption -Culture 'en-US' -UICulture 'en-US' -IdleTimeout/);
    expect(SCRIPT).toMatch(/New-PSSession -ComputerName \$address -ConfigurationName 'PrivilegedEndpoint'/);
    expect(SCRIPT).toMatch(/EscapeHandling'\] = 'EscapeNonAscii'/);
    expect(SCRIPT).toContain("'[^\\u0000-\\u007F]'");
    // ASCII-only source: console code pages and signing never change its bytes' meaning.
    expect(SCRIPT).toMatch(/^[\t\n\r -~]*$/);
  });

  it('no WSMan: drive (registry instead); off Windows: Negotiate through PSWSMan with the Devolutions provider, and a clear error when it is missing', () => {
    expect(platformViolations(parse(SCRIPT))).toEqual([]);
    expect(SCRIPT).toMatch(/Import-Module -ModuleInfo \$module -ErrorAction Stop/);
    expect(SCRIPT).toMatch(/Enable-PSWSMan -Force/);
    // PSWSMan 3: the Devolutions provider (no gss-ntlmssp), the culture, and no IdleTimeout (PSWSMan does not implement it).
    expect(SCRIPT).toContain("New-PSWSManSessionOption -AuthProvider Devolutions -Culture 'en-US' -UICulture 'en-US'\n");
    expect(SCRIPT).toMatch(/if \(\$script:PSWSManMajor -ge 3\) \{\s+return New-PSWSManSessionOption/);
    // PSWSMan 2.x: pwsh's option object, culture only.
    for (const prop of ['Culture', 'UICulture']) expect(SCRIPT).toContain(`$option.${prop} = [System.Globalization.CultureInfo]::GetCultureInfo('en-US')`);
    expect(SCRIPT).not.toMatch(/\$option\.IdleTimeout/);
    // TrustedHosts from the registry (policy key first), readable unelevated with WinRM stopped.
    expect(SCRIPT).toContain("'SOFTWARE\\Policies\\Microsoft\\Windows\\WinRM\\Client'");
    expect(SCRIPT).toContain("'SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WSMAN\\Client'");
    expect(SCRIPT).toContain("GetValue('trusted_hosts')");
    expect(SCRIPT).toContain("'PSWSManMissing'");
    expect(SCRIPT).toContain('Install-Module PSWSMan -Scope CurrentUser');
    const flag = '$script:OffWindows = $script:IsCore -and ($IsLinux -or $IsMacOS)\n';
    for (const bad of [
      `${flag}Get-Item -Path 'WSMan:\\localhost\\Client\\TrustedHosts'`,
      `${flag}if ($script:OffWindows) { } else { $t = Get-Item -Path 'WSMan:\\localhost\\Client\\TrustedHosts' }`,
      `${flag}$s = New-PSSession -ComputerName $address -ConfigurationName 'PrivilegedEndpoint' -Credential $c`,
      `${flag}if ($script:OffWindows) { } else { $script:Authentication = 'Negotiate' }`,
      "$script:OffWindows = $IsLinux",
    ]) {
      expect(platformViolations(parse(bad)), bad).not.toEqual([]);
    }
  });
});
