import { describe, expect, it } from 'vitest';
import { missingFromTrustedHosts, psSingleQuoted } from '../../../../electron/pep/preflight';
import type { PreflightCheck } from '../../../../shared/domain/types';
import { useHarness } from './fake-host';

const { start } = useHarness();
const check = (checks: PreflightCheck[], id: PreflightCheck['id']) => checks.find((c) => c.id === id);

describe('preflight', () => {
  it('passes when PowerShell is usable, every address is trusted and one answers on 5985', async () => {
    const probed: string[] = [];
    const h = start({
      trusted: '10.0.0.224, 10.0.0.225',
      probePort: async (host, port) => {
        probed.push(`${host}:${port}`);
        return host === '10.0.0.224';
      },
    });
    const report = await h.client.preflight(['10.0.0.224', '10.0.0.225']);
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => c.id)).toEqual(['powershell', 'language-mode', 'execution-policy', 'trusted-hosts', 'winrm-port']);
    expect(check(report.checks, 'powershell')?.detail.text).toBe('PowerShell 5.1.19041.5247 (Desktop)');
    expect(check(report.checks, 'execution-policy')?.detail.text).toContain('RemoteSigned (set at LocalMachine)');
    expect(check(report.checks, 'winrm-port')?.detail).toMatchObject({ code: 'preflight.ports-mixed', values: { reachable: '10.0.0.224', silent: '10.0.0.225' } });
    expect(probed).toEqual(['10.0.0.224:5985', '10.0.0.225:5985']);
    expect(h.messages().map((m) => m.op)).toEqual(['preflight']); // no credentials asked or sent
    expect(h.received().at(-1)).toMatchObject({ kind: 'exit', reason: 'stdin-eof' });
  });

  it('gives the exact elevated command for missing TrustedHosts entries, starting WinRM first when it is stopped', async () => {
    const h = start({ trusted: '10.0.0.224' });
    const report = await h.client.preflight(['10.0.0.224', '10.0.0.225', '10.0.0.226']);
    const trusted = check(report.checks, 'trusted-hosts');
    expect(report.ok).toBe(false);
    expect(trusted?.ok).toBe(false);
    expect(trusted?.fix).toBe("Start-Service WinRM; Set-Item WSMan:\\localhost\\Client\\TrustedHosts -Value '10.0.0.225,10.0.0.226' -Concatenate -Force");
    expect(trusted?.detail.text).toMatch(/elevated/);
    expect(trusted?.more?.map((m) => m.text)).toEqual([expect.stringMatching(/WinRM service is stopped/)]);
  });

  it('does not ask to start WinRM when it runs', async () => {
    const h = start({ trusted: '', extraArgs: ['--winrm=Running'] });
    const trusted = check((await h.client.preflight(['10.0.0.224'])).checks, 'trusted-hosts');
    expect(trusted?.detail.text).toContain('TrustedHosts is empty.');
    expect(trusted?.fix).toBe("Set-Item WSMan:\\localhost\\Client\\TrustedHosts -Value '10.0.0.224' -Concatenate -Force");
  });

  it('says "unknown" (not "empty") when the registry cannot be read, and how to check by hand', async () => {
    const h = start({ extraArgs: ['--trustedUnreadable=Requested registry access is not allowed.'] });
    const report = await h.client.preflight(['10.0.0.224']);
    const trusted = check(report.checks, 'trusted-hosts');
    expect(trusted).toMatchObject({ ok: false, unknown: true });
    expect(trusted?.detail.text).toMatch(/^Unknown: .*Requested registry access is not allowed/);
    expect(trusted?.detail.text).not.toMatch(/empty/);
    expect(trusted?.fix).toBe('Start-Service WinRM; Get-Item WSMan:\\localhost\\Client\\TrustedHosts');
    expect(report.ok).toBe(false);
  });

  it('sends the operator to Group Policy when the policy sets TrustedHosts', async () => {
    const h = start({ trusted: '10.0.0.1', extraArgs: ['--trustedSource=policy', '--winrm=Running'] });
    const trusted = check((await h.client.preflight(['10.0.0.224'])).checks, 'trusted-hosts');
    expect(trusted?.detail.text).toMatch(/set by Group Policy/);
    expect(trusted?.step?.text).toMatch(/Group Policy "Trusted Hosts" list/);
    expect(trusted?.fix).toBeUndefined();
  });

  it('fails the language-mode check in Constrained Language Mode', async () => {
    const h = start({ scenario: 'clm' });
    const report = await h.client.preflight(['10.0.0.224']);
    expect(check(report.checks, 'language-mode')).toMatchObject({ ok: false, detail: { text: 'Language mode: ConstrainedLanguage.' } });
    expect(check(report.checks, 'language-mode')?.step?.code).toBe('preflight.language-mode-step');
  });

  it('reports an execution policy that keeps the script from running', async () => {
    const h = start({ scenario: 'policy-blocked' });
    const report = await h.client.preflight(['10.0.0.224']);
    expect(check(report.checks, 'execution-policy')).toMatchObject({ ok: false, detail: { text: expect.stringContaining('running scripts is disabled') } });
    expect(check(report.checks, 'powershell')?.ok).toBe(true);
    expect(check(report.checks, 'trusted-hosts')?.ok).toBe(false);
  });

  it('reports a missing PowerShell', async () => {
    const h = start({ command: '/nonexistent/pwsh', probePort: async () => false });
    const report = await h.client.preflight(['10.0.0.224']);
    expect(check(report.checks, 'powershell')).toMatchObject({ ok: false, problem: { action: expect.any(String) } });
    expect(check(report.checks, 'winrm-port')).toMatchObject({ ok: false, step: { values: { port: 5985 } } });
  });
});

describe('preflight off Windows (pwsh with PSWSMan)', () => {
  it('does not ask for a TrustedHosts fix and reports the PSWSMan version', async () => {
    const h = start({ extraArgs: ['--platform=linux', '--pswsman=3.0.1'], probePort: async () => true });
    const report = await h.client.preflight(['10.0.0.224']);
    expect(report.ok).toBe(true);
    const trusted = check(report.checks, 'trusted-hosts');
    expect(trusted).toMatchObject({ ok: true, detail: { text: expect.stringContaining('Not applicable off Windows') } });
    expect(trusted?.fix).toBeUndefined();
    expect(check(report.checks, 'powershell')?.detail.text).toContain('on Linux, with PSWSMan 3.0.1');
    expect(check(report.checks, 'powershell')?.detail.text).toMatch(/Devolutions provider.*gss-ntlmssp is not needed/);
  });

  it('with PSWSMan 2.x on Linux, fails when gss-ntlmssp is missing and passes when it is there', async () => {
    const missing = start({ extraArgs: ['--platform=linux', '--pswsman=2.3.1', '--gss=0'], probePort: async () => true });
    const failed = check((await missing.client.preflight(['10.0.0.224'])).checks, 'powershell');
    expect(failed).toMatchObject({ ok: false, detail: { text: expect.stringContaining('gss-ntlmssp is not installed') } });
    expect(failed?.fix).toMatch(/-MinimumVersion 3\.0\.0/);
    expect(failed?.step?.text).toMatch(/apt install gss-ntlmssp/);
    await missing.dispose();
    const present = start({ extraArgs: ['--platform=linux', '--pswsman=2.3.1', '--gss=1'], probePort: async () => true });
    expect(check((await present.client.preflight(['10.0.0.224'])).checks, 'powershell')?.ok).toBe(true);
  });

  it('fails the PowerShell check with the install command when PSWSMan is missing', async () => {
    const h = start({ extraArgs: ['--platform=macos'], probePort: async () => true });
    const report = await h.client.preflight(['10.0.0.224']);
    expect(report.ok).toBe(false);
    expect(check(report.checks, 'powershell')).toMatchObject({ ok: false, fix: 'Install-Module PSWSMan -Scope CurrentUser -MinimumVersion 3.0.0' });
    expect(check(report.checks, 'trusted-hosts')?.ok).toBe(true);
  });
});

describe('TrustedHosts matching and quoting', () => {
  it('matches exact entries, * and wildcards, case-insensitively', () => {
    expect(missingFromTrustedHosts(['10.0.0.1', 'ercs01.contoso.local', '10.0.0.3'], '10.0.0.1,*.CONTOSO.local')).toEqual(['10.0.0.3']);
    expect(missingFromTrustedHosts(['10.0.0.1'], '*')).toEqual([]);
    expect(missingFromTrustedHosts(['10.0.0.1'], '')).toEqual(['10.0.0.1']);
    expect(missingFromTrustedHosts(['10.0.0.10'], '10.0.0.1')).toEqual(['10.0.0.10']);
  });

  it('doubles straight and typographic single quotes so a pasted fix cannot break out', () => {
    expect(psSingleQuoted("a'b\u2018c\u2019d")).toBe("'a''b\u2018\u2018c\u2019\u2019d'");
  });
});
