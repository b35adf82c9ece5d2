import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  connectedHost,
  invoke,
  keyPayload,
  makeStamp,
  signKey,
} from '../../../../fixtures/practice-stamp/driver';

describe('New-AzureStackActivation and Remove-AzureStackActivation', () => {
  it('activates with a valid key, persists the record, and a new stamp on the same data folder still sees it', async () => {
    const { stamp, dataDir } = await makeStamp();
    const { cloudId } = await stamp.state();
    const host = await connectedHost(stamp);
    const key = await signKey(keyPayload(cloudId, { marketplaceSyndicationEnabled: true, usageReportingEnabled: false }));
    const { final, stream } = await host.request(invoke('a1', 'New-AzureStackActivation', { ActivationKey: key, TimeoutInSeconds: 1800 }));
    expect(final).toEqual({ type: 'result', id: 'a1', output: [], errors: [] });
    expect(stream.filter((m) => m.type === 'progress').map((m) => (m.type === 'progress' ? m.status : ''))).toEqual([
      'Validating activation key',
      'Verifying hardware of AZS-NODE01',
      'Verifying hardware of AZS-NODE02',
      'Verifying hardware of AZS-NODE03',
      'Verifying hardware of AZS-NODE04',
      'Configuring Azure Bridge',
      'Saving activation',
      'Completed',
    ]);
    host.proc.kill();

    const expected = {
      name: 'default',
      type: 'Microsoft.AzureBridge.Admin/activations',
      location: 'local',
      properties: {
        azureRegistrationResourceIdentifier:
          `/subscriptions/4e9319a5-1cf7-4099-80ea-9aa2f09cb1e7/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/AzureStack-${cloudId}`,
        displayName: 'Azure Stack Activation',
        expiration: '9999-12-30T23:59:59',
        marketplaceSyndicationEnabled: true,
        usageReportingEnabled: false,
        provisioningState: 'Succeeded',
      },
    };
    expect((await stamp.state()).activation).toMatchObject({ record: expected, billingModel: 'Capacity', activatedAt: '2026-11-25T12:00:00.000Z' });
    const onDisk = JSON.parse(await readFile(join(dataDir, 'practice-stamp.json'), 'utf8')) as { activation: { record: { id: string } } };
    expect(onDisk.activation.record.id).toMatch(
      /^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/azurestack-activation\/providers\/Microsoft\.AzureBridge\.Admin\/activations\/default$/,
    );
    expect(JSON.stringify(onDisk)).not.toContain(key);

    const { stamp: restarted } = await makeStamp({ dataDir });
    const after = await restarted.state();
    expect(after.cloudId).toBe(cloudId);
    expect(after.activation).toMatchObject({ record: expected });

    const again = await connectedHost(restarted);
    const removed = await again.request(invoke('r1', 'Remove-AzureStackActivation'));
    expect(removed.final).toEqual({ type: 'result', id: 'r1', output: [], errors: [] });
    again.proc.kill();
    expect((await restarted.state()).activation).toBeUndefined();
    await expect((await makeStamp({ dataDir })).stamp.state()).resolves.toEqual({ cloudId, bridgeObjectId: after.bridgeObjectId, stampVersion: '1.2406.0.8' });
  });

  it('refuses an empty key with the real binding error', async () => {
    const { stamp } = await makeStamp();
    const host = await connectedHost(stamp);
    const { final } = await host.request(invoke('a1', 'New-AzureStackActivation', { ActivationKey: '', TimeoutInSeconds: 1800 }));
    expect(final).toEqual({
      type: 'result',
      id: 'a1',
      output: [],
      errors: [
        {
          message: "Cannot bind argument to parameter 'ActivationKey' because it is an empty string.",
          fqid: 'ParameterArgumentValidationErrorEmptyStringNotAllowed,New-AzureStackActivation',
          category: 'InvalidData',
          reason: 'ParameterBindingValidationException',
          type: 'System.Management.Automation.ParameterBindingValidationException',
          origin: 'remote',
        },
      ],
    });
    host.proc.kill();
  });

  it('rehearses AzureStack-Tools#593: the splat loses the key, the -ArgumentList form works', async () => {
    const { stamp } = await makeStamp({ settings: { faults: { activationKeySplatDropped: true } } });
    const key = await signKey(keyPayload((await stamp.state()).cloudId));
    const host = await connectedHost(stamp);
    const splat = await host.request(invoke('a1', 'New-AzureStackActivation', { ActivationKey: key, TimeoutInSeconds: 1800 }));
    expect(splat.final).toMatchObject({ errors: [{ message: "Cannot bind argument to parameter 'ActivationKey' because it is an empty string." }] });
    const fallback = await host.request(invoke('a2', 'New-AzureStackActivation', { ActivationKey: key, TimeoutInSeconds: 1800 }, true));
    expect(fallback.final).toMatchObject({ type: 'result', errors: [] });
    expect((await stamp.state()).activation).toBeDefined();
    host.proc.kill();
  });

  it('refuses a key for another stamp and activates nothing', async () => {
    const { stamp } = await makeStamp();
    const host = await connectedHost(stamp);
    const key = await signKey(keyPayload('69464895-3a1a-450a-9824-4b7608d9203f'));
    const { final } = await host.request(invoke('a1', 'New-AzureStackActivation', { ActivationKey: key }));
    expect(final).toMatchObject({
      type: 'result',
      output: [],
      errors: [{ message: expect.stringContaining('the key was issued for cloud identifier 69464895-3a1a-450a-9824-4b7608d9203f') as unknown, reason: 'RuntimeException' }],
    });
    expect((await stamp.state()).activation).toBeUndefined();
    host.proc.kill();
  });

  it('requires the key and rejects a non-numeric timeout', async () => {
    const { stamp } = await makeStamp();
    const host = await connectedHost(stamp);
    const missing = await host.request(invoke('a1', 'New-AzureStackActivation', { TimeoutInSeconds: 1800 }));
    expect(missing.final).toMatchObject({ errors: [{ fqid: 'MissingMandatoryParameter,New-AzureStackActivation' }] });
    const timeout = await host.request(invoke('a2', 'New-AzureStackActivation', { ActivationKey: 'x', TimeoutInSeconds: 'soon' }));
    expect(timeout.final).toMatchObject({
      errors: [
        {
          message:
            'Cannot process argument transformation on parameter \'TimeoutInSeconds\'. Cannot convert value "soon" to type "System.Int32". Error: "Input string was not in a correct format."',
        },
      ],
    });
    host.proc.kill();
  });

  it('rehearses faults during activation: busy ECE and an unreachable node', async () => {
    const busy = await makeStamp({ settings: { faults: { actionInProgress: true } } });
    const key = await signKey(keyPayload((await busy.stamp.state()).cloudId));
    const host = await connectedHost(busy.stamp);
    const b = await host.request(invoke('a1', 'New-AzureStackActivation', { ActivationKey: key }));
    expect(b.final).toMatchObject({ errors: [{ fqid: 'DotNetMethodException' }] });
    const r = await host.request(invoke('r1', 'Remove-AzureStackActivation'));
    expect(r.final).toMatchObject({ errors: [{ fqid: 'DotNetMethodException' }] });
    host.proc.kill();

    const broken = await makeStamp({ settings: { faults: { hardwareInfoUnreachable: true }, numberOfNodes: 2 } });
    const key2 = await signKey(keyPayload((await broken.stamp.state()).cloudId));
    const host2 = await connectedHost(broken.stamp);
    const h = await host2.request(invoke('a1', 'New-AzureStackActivation', { ActivationKey: key2 }));
    expect(h.final).toMatchObject({ errors: [{ message: expect.stringContaining('Could not retrieve mandatory hardware info for AZS-NODE02.') as unknown }] });
    expect((await broken.stamp.state()).activation).toBeUndefined();
    host2.proc.kill();
  });
});
