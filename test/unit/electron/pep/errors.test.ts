import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fromHostError, hostStopped, languageModeRefused } from '../../../../electron/pep/errors';
import type { HostError } from '../../../../electron/pep/protocol';

const ERRORS = JSON.parse(readFileSync(fileURLToPath(new URL('../../../fixtures/pep-scenarios/errors.json', import.meta.url)), 'utf8')) as Record<string, HostError>;
const keep = (s: string) => s;
const map = (name: string, ctx = {}) => fromHostError(ERRORS[name] as HostError, ctx, keep).problem;

describe('PEP error mapping', () => {
  it.each([
    ['trusted-hosts', 'pep-trusted-hosts'],
    ['kerberos', 'pep-trusted-hosts'],
    ['access-denied', 'pep-access-denied'],
    ['unreachable', 'pep-unreachable'],
    ['transient', 'pep-unreachable'],
    ['not-pep', 'pep-not-privileged-endpoint'],
    ['scripts-not-allowed', 'pep-scripts-not-allowed'],
    ['unknown-parameter', 'pep-unknown-parameter'],
    ['unknown-cmdlet', 'pep-unknown-cmdlet'],
    ['busy', 'pep-busy'],
    ['hardware-info', 'pep-hardware-info'],
    ['empty-key', 'pep-empty-activation-key'],
    ['already-registered', 'pep-already-registered'],
  ])('maps %s to %s with an action and the raw text', (name, code) => {
    const problem = map(name, name === 'unknown-cmdlet' ? { cmdlet: 'Set-RegistrationKeyPair' } : {});
    expect(problem.code).toBe(code);
    expect(problem.action).toBeTruthy();
    expect(problem.detail).toContain((ERRORS[name] as HostError).message);
    expect(problem.reference).toBe((ERRORS[name] as HostError).fqid);
  });

  it('explains a missing PSWSMan off Windows with the install command', () => {
    const missing = fromHostError({ message: 'PowerShell 7.4.6 on this computer has no WSMan client', fqid: 'PSWSManMissing', category: 'NotInstalled' }, {}, keep).problem;
    expect(missing).toMatchObject({ code: 'pep-powershell-missing', reference: 'PSWSManMissing', action: expect.stringContaining('Install-Module PSWSMan -Scope CurrentUser') });
    const builtIn = fromHostError({ message: 'This parameter set requires WSMan, and no supported WSMan client library was found.' }, {}, keep).problem;
    expect(builtIn.code).toBe('pep-powershell-missing');
  });

  it('names the parameter, host and cloud ID it found in the text', () => {
    expect(map('unknown-parameter', { cmdlet: 'New-RegistrationToken' }).message).toBe(
      'This stamp build does not know the parameter -MsAssetTag of New-RegistrationToken.',
    );
    expect(map('hardware-info').message).toContain('host Contoso-Node03.');
    const other = fromHostError({ message: 'Cannot connect to Node07 to get hardware info. Check physical host and connectivity.' }, {}, keep).problem;
    expect(other).toMatchObject({ code: 'pep-hardware-info', retryable: true });
    expect(other.message).toContain('Node07');
    expect(map('already-registered').message).toContain('9a3b2f4e-8c71-4d25-b0e6-3f1a7d9c2e58');
  });

  it('only retries what may pass by itself', () => {
    expect(map('unreachable').retryable).toBe(true);
    expect(map('busy').retryable).toBe(true);
    expect(map('access-denied').retryable).toBe(false);
    expect(map('unknown-parameter').retryable).toBe(false);
    expect(map('trusted-hosts').retryable).toBe(false);
  });

  it('keeps the transport error code and redacts the detail', () => {
    const problem = fromHostError({ ...(ERRORS['access-denied'] as HostError), message: 'Access is denied for hunter2' }, {}, (s) => s.replaceAll('hunter2', '[redacted]')).problem;
    expect(problem.detail).toContain('Transport error code: 5');
    expect(problem.detail).not.toContain('hunter2');
  });

  it('falls back to pep-failed naming the cmdlet', () => {
    const problem = fromHostError({ message: 'Something odd happened.' }, { cmdlet: 'Remove-AzureStackActivation' }, keep).problem;
    expect(problem).toMatchObject({ code: 'pep-failed', message: 'Remove-AzureStackActivation failed on the privileged endpoint.', detail: 'Something odd happened.' });
  });

  it('recognises an execution policy block in stderr, else reports a crash with the tail', () => {
    expect(hostStopped({ code: 1, signal: null }, 'pep-host.ps1 is not digitally signed. You cannot run this script').problem.code).toBe('pep-execution-policy');
    const crash = hostStopped({ code: 3, signal: null }, 'boom').problem;
    expect(crash).toMatchObject({ code: 'pep-host-crashed', retryable: true });
    expect(crash.detail).toBe('PowerShell host stopped (exit code 3).\nstderr:\nboom');
    expect(hostStopped({ code: null, signal: 'SIGKILL' }, '').problem.detail).toBe('PowerShell host stopped (signal SIGKILL).');
  });

  it('classifies by error ID, not text: a French workstation gets the same problems', () => {
    expect(map('access-denied-fr').code).toBe('pep-access-denied');
    expect(map('unreachable-fr')).toMatchObject({ code: 'pep-unreachable', retryable: true });
    expect(map('trusted-hosts-fr').code).toBe('pep-trusted-hosts');
    expect(map('kerberos').code).toBe('pep-trusted-hosts');
    // The English text alone only decides when the record carries no error ID.
    expect(fromHostError({ message: 'Access is denied.' }, {}, keep).problem.code).toBe('pep-access-denied');
    expect(fromHostError({ message: 'Access is denied.', fqid: 'SomethingElse' }, {}, keep).problem.code).toBe('pep-failed');
  });

  it('treats a wrong password by host name (Kerberos LogonFailure) and a locked-out account as credential errors, never as retryable', () => {
    expect(map('logon-failure')).toMatchObject({ code: 'pep-access-denied', retryable: false });
    expect(map('locked-out')).toMatchObject({ code: 'pep-access-denied', retryable: false });
  });

  it('"Access is denied" is a credential problem only while connecting', () => {
    expect(map('access-denied-command', { cmdlet: 'New-RegistrationToken' }).code).toBe('pep-failed');
    expect(map('access-denied', { cmdlet: 'New-RegistrationToken' }).code).not.toBe('pep-access-denied');
  });

  it('counts only transport failures of this computer as unreachable, never free text or the stamp\'s own transport errors', () => {
    expect(map('session-dropped', { cmdlet: 'New-AzureStackActivation' })).toMatchObject({ code: 'pep-unreachable' });
    expect(map('job-disconnected', { cmdlet: 'New-AzureStackActivation' }).code).toBe('pep-unreachable');
    expect(map('stamp-transport', { cmdlet: 'Get-AzureStackStampInformation' }).code).toBe('pep-failed');
    expect(map('timed-out-text', { cmdlet: 'Get-AzureStackStampInformation' }).code).toBe('pep-failed');
    expect(fromHostError({ message: 'The operation timed out.' }, {}, keep).problem.code).toBe('pep-failed');
  });

  it('says the build lacks a cmdlet only when the missing command is that cmdlet', () => {
    expect(map('unknown-cmdlet', { cmdlet: 'Set-RegistrationKeyPair' }).message).toBe('This stamp build does not offer Set-RegistrationKeyPair on its privileged endpoint.');
    const inner = map('inner-command-missing', { cmdlet: 'New-RegistrationToken' });
    expect(inner.code).toBe('pep-failed');
    expect(inner.message).not.toContain('does not offer');
    expect(inner.detail).toContain('Target: Get-AzsHardwareInventory');
    // Without a target, the quoted term of the text decides.
    const { target: _t, ...untargeted } = ERRORS['unknown-cmdlet'] as HostError;
    expect(fromHostError(untargeted, { cmdlet: 'New-RegistrationToken' }, keep).problem.code).toBe('pep-failed');
    expect(fromHostError(untargeted, { cmdlet: 'Set-RegistrationKeyPair' }, keep).problem.code).toBe('pep-unknown-cmdlet');
  });

  it('finds the stamp\'s busy and hardware messages in the last verbose lines when the error itself is unrelated, and attaches those lines', () => {
    const recent = ['Starting action plan', 'Cannot invoke action plan because another action is in progress: 5e1c…', 'Retrying'];
    const busy = map('unrelated-after-busy', { cmdlet: 'New-RegistrationToken', recent });
    expect(busy).toMatchObject({ code: 'pep-busy', retryable: true });
    expect(busy.detail).toContain('Last messages from the stamp:\nStarting action plan');
    const hardware = map('unrelated-after-busy', { cmdlet: 'New-AzureStackActivation', recent: ['Could not retrieve mandatory hardware info for Node04. Check physical host'] });
    expect(hardware.code).toBe('pep-hardware-info');
    expect(hardware.message).toContain('Node04');
    const plain = map('unrelated-after-busy', { cmdlet: 'New-RegistrationToken', recent: ['Starting action plan'] });
    expect(plain.code).toBe('pep-failed');
    expect(plain.detail).toContain('Starting action plan');
  });

  it('explains a restricted language mode', () => {
    expect(languageModeRefused('ConstrainedLanguage').problem).toMatchObject({ code: 'pep-language-mode', message: expect.stringContaining('ConstrainedLanguage') });
  });
});
