import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SignInProvider } from '../../../electron/azure';
import { memoryLogger } from '../../../electron/log';
import { startPractice, type Practice, type PracticeSettings } from '../../../electron/practice';
import { practiceRoutes } from '../../../electron/proxy';
import { createStampArm, type StampArmService } from '../../../electron/stamp-arm';
import { problemOf } from '../azure/practice-harness';

// The stamp's admin Resource Manager client against the practice stamp's admin Resource Manager on
// loopback HTTPS, composed as compose.ts composes them: metadata, Azure AD and AD FS sign-in, the
// Default Provider Subscription, the activation record, and each failure as the operator meets it.

const timers = { setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms), clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout) };
const DIRECTORY = 'contoso.onmicrosoft.com';

type Rig = { practice: Practice; arm: StampArmService; endpoint: string; signIns: Parameters<SignInProvider>[0][]; dir: string };
let rig: Rig | undefined;

const start = async (settings: PracticeSettings = {}): Promise<Rig> => {
  const dir = await mkdtemp(join(tmpdir(), 'azs-stamp-arm-'));
  const log = memoryLogger();
  const practice = await startPractice({ dataDir: dir, clock: { now: () => new Date() }, log, sleep: async () => undefined, settings });
  const signIns: Parameters<SignInProvider>[0][] = [];
  const tlsCa = await practice.stampArmCa();
  const arm = createStampArm({
    signIn: (req) => {
      signIns.push(req);
      return practice.stampArmSignIn(req);
    },
    routes: practiceRoutes,
    dial: practice.dialStampArm,
    ...(tlsCa ? { tlsCa } : {}),
    practice: true,
    timers,
    log,
  });
  rig = { practice, arm, endpoint: practice.stampArmHint.adminResourceManager, signIns, dir };
  return rig;
};

afterEach(async () => {
  await rig?.practice.stop();
  if (rig) await rm(rig.dir, { recursive: true, force: true });
  rig = undefined;
});

describe("stamp's admin Resource Manager (practice)", () => {
  it('reads the metadata, signs in to the Azure AD directory for its audience, finds the Default Provider Subscription; no record: not registered', async () => {
    const { arm, endpoint, practice, signIns } = await start();
    const account = await arm.signIn({ endpoint: `${endpoint}/`, tenant: DIRECTORY, method: 'browser' });
    const state = await practice.stamp.state();
    expect(account).toMatchObject({
      adminResourceManager: endpoint,
      identitySystem: 'AzureAD',
      loginEndpoint: 'https://login.microsoftonline.com/',
      tenantId: state.aadTenantId,
      defaultProviderSubscriptionId: state.defaultProviderSubscriptionId,
    });
    expect(signIns[0]).toMatchObject({ tenantId: DIRECTORY, endpoints: { authorityHost: 'https://login.microsoftonline.com', scope: expect.stringMatching(/^https:\/\/adminmanagement\.contoso\.onmicrosoft\.com\/[0-9a-f-]+\/\.default$/) } });
    expect(signIns[0]?.knownAuthorities).toBeUndefined();
    const side = await arm.read();
    expect(side.activation).toBeUndefined();
    expect(side.defaultProviderSubscriptionId).toBe(state.defaultProviderSubscriptionId);
  });

  it('shows the activation record the practice stamp holds, and nothing once it is removed', async () => {
    const { arm, endpoint, practice } = await start({ status: { rehearsal: 'registered' } });
    await arm.signIn({ endpoint, tenant: DIRECTORY, method: 'browser' });
    const { activation } = await arm.read();
    const state = await practice.stamp.state();
    expect(activation?.registrationResourceId).toBe(state.activation?.record.properties.azureRegistrationResourceIdentifier);
    expect(activation).toMatchObject({ registrationName: `AzureStack-${state.cloudId}`, resourceGroup: 'azurestack', usageReportingEnabled: false, marketplaceSyndicationEnabled: true, provisioningState: 'Succeeded' });
    await practice.stamp.setActivation(() => undefined);
    expect((await arm.read()).activation).toBeUndefined();
  });

  it('signs in through AD FS when the metadata names an /adfs authority: tenant "adfs", the AD FS host as a known authority', async () => {
    const { arm, endpoint, signIns } = await start({ stamp: { identitySystem: 'ADFS' } });
    const account = await arm.signIn({ endpoint, method: 'browser' });
    expect(account).toMatchObject({ identitySystem: 'ADFS', loginEndpoint: 'https://adfs.practice.azurestack.contoso.com/adfs', tenantId: 'adfs' });
    expect(signIns[0]).toMatchObject({
      tenantId: 'adfs',
      knownAuthorities: ['adfs.practice.azurestack.contoso.com'],
      endpoints: { authorityHost: 'https://adfs.practice.azurestack.contoso.com', scope: expect.stringMatching(/^https:\/\/adminmanagement\.adfs\.azurestack\.local\//) },
    });
    expect((await arm.read()).activation).toBeUndefined();
  });

  it('asks for the directory on an Azure AD stamp, and refuses a token from another directory as the wrong directory', async () => {
    const { arm, endpoint } = await start();
    expect((await problemOf(arm.signIn({ endpoint, method: 'browser' }))).action).toContain("stamp's directory tenant");
    const wrong = await problemOf(arm.signIn({ endpoint, tenant: 'fabrikam.onmicrosoft.com', method: 'browser' }));
    expect(wrong.code).toBe('stamp-arm-wrong-directory');
    expect(wrong.detail).toContain('InvalidAuthenticationTokenTenant');
    expect(arm.account()).toBeUndefined();
  });

  it('an account that is not an operator: no Default Provider Subscription at sign-in, 403 on the record afterwards', async () => {
    const { arm, endpoint, practice } = await start();
    const admin = await practice.stampArm();
    admin.setOperator(false);
    expect((await problemOf(arm.signIn({ endpoint, tenant: DIRECTORY, method: 'browser' }))).code).toBe('stamp-arm-forbidden');
    admin.setOperator(true);
    await arm.signIn({ endpoint, tenant: DIRECTORY, method: 'browser' });
    admin.setOperator(false);
    const denied = await problemOf(arm.read());
    expect(denied.code).toBe('stamp-arm-forbidden');
    expect(denied.detail).toContain('403 AuthorizationFailed');
  });

  it('a certificate this computer does not trust is named as such, with how to trust the stamp CA', async () => {
    const { arm, endpoint } = await start({ status: { certificateUntrusted: true } });
    const problem = await problemOf(arm.signIn({ endpoint, tenant: DIRECTORY, method: 'browser' }));
    expect(problem.code).toBe('stamp-arm-certificate');
    expect(problem.message).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY/);
    expect(problem.action).toContain('Trusted Root Certification Authorities');
  });

  it('a sign-in left waiting in the browser stops on Cancel, and nothing is signed in', async () => {
    const { arm, endpoint, signIns } = await start({ signIn: 'browser-abandoned' });
    const pending = problemOf(arm.signIn({ endpoint, tenant: DIRECTORY, method: 'browser' }));
    await vi.waitFor(() => expect(signIns.length).toBe(1));
    expect(arm.cancelSignIn()).toBe(true);
    expect((await pending).code).toBe('cancelled');
    expect(arm.account()).toBeUndefined();
    expect(arm.cancelSignIn()).toBe(false);
  });

  it('issues tokens carrying the secrets sentinel marker when asked (so the secrets sweep can find them)', async () => {
    const { practice } = await start({ azure: { accessTokenMarker: 'SENTINEL-ARM-' } });
    const token = await (await practice.stampArm()).credential(DIRECTORY).getToken('https://adminmanagement.contoso.onmicrosoft.com/x/.default');
    expect(token?.token.startsWith('SENTINEL-ARM-')).toBe(true);
  });

  it('an endpoint nobody answers is reported as unreachable, and reading before signing in says to sign in', async () => {
    const { arm } = await start();
    const problem = await problemOf(arm.signIn({ endpoint: 'https://adminmanagement.elsewhere.example', tenant: DIRECTORY, method: 'browser' }));
    expect(problem.code).toBe('stamp-arm-unreachable');
    expect(problem.message).toContain('adminmanagement.elsewhere.example');
    expect((await problemOf(arm.read())).code).toBe('stamp-arm-not-signed-in');
  });
});
