import { describe, expect, it } from 'vitest';
import type { HostToNode } from '../../../../../electron/pep/protocol';
import { PRACTICE_ISSUER } from '../../../../../shared/domain/practice';
import { connectedHost, decodeToken, invoke, makeStamp } from '../../../../fixtures/practice-stamp/driver';

const HEX32 = /^[0-9a-f]{32}$/;

const tokenRun = async (params: Record<string, string | number | boolean>, settings = {}) => {
  const { stamp } = await makeStamp({ settings });
  const host = await connectedHost(stamp);
  const answer = await host.request(invoke('t1', 'New-RegistrationToken', params));
  host.proc.kill();
  return { ...answer, stamp };
};

const errorsOf = (final: HostToNode): unknown => (final.type === 'result' ? final.errors : final);

describe('New-RegistrationToken', () => {
  it('returns a standard base64 JSON token with the stamp identity and one hardware entry per node', async () => {
    const { final, stream, stamp } = await tokenRun({
      BillingModel: 'Capacity',
      MarketplaceSyndicationEnabled: false,
      UsageReportingEnabled: false,
      AgreementNumber: 'EA-1234567',
      MsAssetTag: '7f0b8c1e-0000-4a5b-9c3d-abcdefabcdef',
      TokenVersion: '6.0',
    });
    expect(final.type).toBe('result');
    if (final.type !== 'result') return;
    expect(final.errors).toEqual([]);
    const [token] = final.output;
    expect(typeof token).toBe('string');
    expect(token).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    const decoded = decodeToken(String(token));
    const { cloudId } = await stamp.state();
    expect(decoded).toMatchObject({
      billingModel: 'Capacity',
      cloudId,
      marketplaceSyndicationEnabled: false,
      usageReportingEnabled: false,
      agreementNumber: 'EA-1234567',
      msAssetTag: '7f0b8c1e-0000-4a5b-9c3d-abcdefabcdef',
      issuer: PRACTICE_ISSUER,
      version: '6.0',
    });
    expect(decoded.objectId).toMatch(/^[0-9a-f-]{36}$/);
    const hardware = decoded.hardwareInfo as Record<string, unknown>[];
    expect(hardware).toHaveLength(4);
    for (const node of hardware) {
      expect(node.name).toMatch(/^AZS-NODE0\d$/);
      expect(node.uuid).toMatch(/^[0-9a-f-]{36}$/);
      expect(node.numCores).toBeGreaterThan(0);
      for (const key of ['Bios', 'nic', 'cpu', 'disk', 'memory']) {
        const hashes = node[key] as string[];
        expect(hashes.length).toBeGreaterThan(0);
        for (const h of hashes) expect(h).toMatch(HEX32);
      }
    }
    expect(new Set(hardware.map((n) => n.uuid)).size).toBe(4);
    const progress = stream.filter((m) => m.type === 'progress');
    expect(progress.map((p) => (p.type === 'progress' ? p.status : ''))).toContain('Reading hardware information from AZS-NODE04');
    expect(progress.at(-1)).toMatchObject({ percent: 100 });
    expect(stream.some((m) => m.type === 'verbose')).toBe(true);
  });

  it('uses version 1.0 and no asset tag when none is given; binds names case-insensitively', async () => {
    const { final } = await tokenRun({ billingmodel: 'development', marketplacesyndicationenabled: true });
    if (final.type !== 'result') throw new Error('no result');
    const decoded = decodeToken(String(final.output[0]));
    expect(decoded).toMatchObject({ billingModel: 'Development', marketplaceSyndicationEnabled: true, version: '1.0', agreementNumber: '' });
    expect(decoded).not.toHaveProperty('msAssetTag');
  });

  it('forces usage reporting off for Capacity, with the real warning', async () => {
    const { final, stream } = await tokenRun({ BillingModel: 'Capacity', AgreementNumber: 'EA-1', UsageReportingEnabled: true });
    if (final.type !== 'result') throw new Error('no result');
    expect(decodeToken(String(final.output[0])).usageReportingEnabled).toBe(false);
    expect(stream).toContainEqual({
      type: 'warning',
      id: 't1',
      message: 'Disabling Usage Reporting as it is not supported for Capacity billing model.',
    });
  });

  it('keeps warnings quiet with WarningAction SilentlyContinue', async () => {
    const { stream } = await tokenRun({ BillingModel: 'Capacity', AgreementNumber: 'EA-1', UsageReportingEnabled: true, WarningAction: 'SilentlyContinue' });
    expect(stream.some((m) => m.type === 'warning')).toBe(false);
  });

  it('has no MsAssetTag parameter before 1.1912.0.19', async () => {
    const { final } = await tokenRun({ BillingModel: 'Capacity', AgreementNumber: 'EA-1', MsAssetTag: 'x' }, { stampVersion: '1.1910.0.58' });
    expect(errorsOf(final)).toEqual([
      {
        message: "A parameter cannot be found that matches parameter name 'MsAssetTag'.",
        fqid: 'NamedParameterNotFound,New-RegistrationToken',
        category: 'InvalidArgument',
        reason: 'ParameterBindingException',
        type: 'System.Management.Automation.ParameterBindingException',
        origin: 'remote',
      },
    ]);
  });

  it('has no TokenVersion parameter before 1.2008.0.49, but has it from that build', async () => {
    const old = await tokenRun({ BillingModel: 'Development', TokenVersion: '3.0' }, { stampVersion: '1.2005.0.40' });
    expect(errorsOf(old.final)).toEqual([
      expect.objectContaining({
        message: "A parameter cannot be found that matches parameter name 'TokenVersion'.",
        fqid: 'NamedParameterNotFound,New-RegistrationToken',
      }),
    ]);
    const gate = await tokenRun({ BillingModel: 'Development', TokenVersion: '3.0' }, { stampVersion: '1.2008.0.49' });
    if (gate.final.type !== 'result') throw new Error('no result');
    expect(decodeToken(String(gate.final.output[0])).version).toBe('3.0');
  });

  it('refuses Custom below 1.1912.0.19', async () => {
    const { final } = await tokenRun({ BillingModel: 'Custom' }, { stampVersion: '1.1910.0.58' });
    expect(errorsOf(final)).toEqual([
      expect.objectContaining({
        message: 'Custom BillingModel is not supported for StampVersion less than 1.1912.0.19',
        reason: 'RuntimeException',
      }),
    ]);
  });

  it('refuses Capacity without an agreement number', async () => {
    const { final } = await tokenRun({ BillingModel: 'Capacity', AgreementNumber: '' });
    expect(errorsOf(final)).toEqual([
      expect.objectContaining({ message: 'Agreement number is null or empty when BillingModel is set to Capacity' }),
    ]);
  });

  it('refuses Custom without an asset tag (MissingMsAssetTag)', async () => {
    const { final } = await tokenRun({ BillingModel: 'Custom', MsAssetTag: '' });
    expect(errorsOf(final)).toEqual([
      expect.objectContaining({
        message:
          "ErrorCode: MissingMsAssetTag.\nErrorReason: MsAssetTag is a required parameter when BillingModel is 'Custom'. " +
          'Please call the registration cmdlet along with MsAssetTag parameter.',
      }),
    ]);
  });

  it('validates BillingModel against its set and requires it', async () => {
    const bad = await tokenRun({ BillingModel: 'Free' });
    expect(errorsOf(bad.final)).toEqual([
      expect.objectContaining({
        message:
          'Cannot validate argument on parameter \'BillingModel\'. The argument "Free" does not belong to the set ' +
          '"Capacity,PayAsYouUse,Development,Custom,Ruggedized" specified by the ValidateSet attribute. Supply an ' +
          'argument that is in the set and then try the command again.',
        fqid: 'ParameterArgumentValidationError,New-RegistrationToken',
      }),
    ]);
    const missing = await tokenRun({ AgreementNumber: 'x' });
    expect(errorsOf(missing.final)).toEqual([
      expect.objectContaining({
        message: 'Cannot process command because of one or more missing mandatory parameters: BillingModel.',
        fqid: 'MissingMandatoryParameter,New-RegistrationToken',
      }),
    ]);
  });

  it('refuses a string for a boolean flag', async () => {
    const { final } = await tokenRun({ BillingModel: 'Development', UsageReportingEnabled: 'false' });
    expect(errorsOf(final)).toEqual([
      expect.objectContaining({ fqid: 'ParameterArgumentTransformationError,New-RegistrationToken' }),
    ]);
  });

  it('rehearses an ECE action in progress', async () => {
    const { final } = await tokenRun({ BillingModel: 'Development' }, { faults: { actionInProgress: true } });
    expect(errorsOf(final)).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          /^Exception calling "GetResult" with "0" argument\(s\): "Cannot invoke action plan because another action is in progress: [0-9a-f-]{36}"$/,
        ) as unknown,
        fqid: 'DotNetMethodException',
      }),
    ]);
  });

  it('rehearses an unreachable node during hardware inventory', async () => {
    const { final, stream } = await tokenRun({ BillingModel: 'Development' }, { faults: { hardwareInfoUnreachable: true } });
    expect(errorsOf(final)).toEqual([
      expect.objectContaining({
        message:
          'Could not retrieve mandatory hardware info for AZS-NODE04. Check physical host and connectivity, then try to rerun registration.',
      }),
    ]);
    expect(stream.filter((m) => m.type === 'progress').length).toBeGreaterThanOrEqual(3);
  });
});
