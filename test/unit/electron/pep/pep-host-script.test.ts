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

/** The password is only read to build a SecureString and then cleared; nothing that writes sees it. */
const passwordViolations = (root: Node): string[] => {
  const problems: string[] = [];
  for (const cmd of all(root, 'command')) {
    if (WRITERS.test(commandName(cmd)) && /password/i.test(cmd.text)) problems.push(`${commandName(cmd)} mentions a password at line ${cmd.startPosition.row + 1}`);
  }
  for (const call of all(root, 'invokation_expression')) {
    if (/\.Write(Line)?$/i.test(call.text.split('(')[0] ?? '') && /password/i.test(call.text)) problems.push(`write call mentions a password at line ${call.startPosition.row + 1}`);
  }
  for (const access of all(root, 'member_access').filter((m) => /password$/i.test(m.text))) {
    const inSecureString = ancestor(access, (a) => a.type === 'command' && /^ConvertTo-SecureString$/i.test(commandName(a))) !== null;
    const assignment = ancestor(access, (a) => a.type === 'assignment_expression');
    const cleared = assignment !== null && assignment.childForFieldName('value')?.text.trim() === '$null' && ancestor(access, (a) => a.type === 'left_assignment_expression') !== null;
    if (!inSecureString && !cleared) problems.push(`${access.text} used at line ${access.startPosition.row + 1}`);
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

  it('only turns the password into a SecureString and clears it; no write or log call sees it', () => {
    expect(passwordViolations(parse(SCRIPT))).toEqual([]);
    for (const bad of [
      'Send-Message -Message @{ x = $Request.password }',
      "Write-Verbose ('pw ' + $password)",
      '[Console]::Out.Write($Request.password)',
      '$copy = $Request.password',
    ]) {
      expect(passwordViolations(parse(bad)), bad).not.toEqual([]);
    }
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
