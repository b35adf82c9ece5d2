import type { PepConnected } from '../../../shared/contract';
import { suggestRegistrationName } from '../../../shared/domain';
import type { DriveInfo, HandoffFile, HandoffPage, HandoffSummary, SubscriptionInfo } from '../../../shared/domain/types';
import { PRACTICE_PEP_PASSWORD } from '../../../electron/practice/stamp';
import type { PracticeMachine } from '../../fixtures/app/practice-app';

// The air-gap procedure driven from what the two journals say: from any point it does what is left.
// The kill tests run it in a child process stopped at one step, then run it again on fresh compositions.

export const PEP = { hosts: ['10.20.30.224'], user: 'AZURESTACK\\CloudAdmin', password: PRACTICE_PEP_PASSWORD };
const DEV = { billingModel: 'Development', targetCloud: 'AzureCloud' } as const;

/** Every point the procedure is killed at: after each journal stage, and while each long operation runs. */
export const KILL_POINTS = [
  'stamp.createToken:running',
  'token-created',
  'token-saved',
  'token-received',
  'azure.register:running',
  'key-issued',
  'key-saved',
  'key-received',
  'stamp.activate:running',
  'activated',
  'activation-confirmed',
] as const;
export type KillPoint = (typeof KILL_POINTS)[number];

/** `starting` names the operation about to run (the child stops at its first progress); `done` a step the journal holds. */
export type Marks = { starting(kind: string): Promise<void>; done(point: KillPoint): Promise<void> };

export const handoffs = async (m: PracticeMachine): Promise<HandoffSummary[]> => (await m.call<HandoffPage>('handoff.list', {})).handoffs;

/** Runs the procedure to its end from the journals' state; returns the number of steps it took. */
export const advance = async (stamp: PracticeMachine, host: PracticeMachine, marks: Marks, pep: typeof PEP = PEP): Promise<number> => {
  const stampDrive = await stamp.call<DriveInfo>('handoff.addFolder', {});
  const hostDrive = await host.call<DriveInfo>('handoff.addFolder', {});
  let session: string | undefined;
  const sessionId = async () => (session ??= (await stamp.call<PepConnected>('pep.connect', pep)).sessionId);
  let signedIn = false;
  const signIn = async () => {
    if (!signedIn) await host.call('azure.signIn', { cloud: 'AzureCloud', method: 'browser' });
    signedIn = true;
  };
  const run = async (m: PracticeMachine, req: { kind: string } & Record<string, unknown>) => {
    await marks.starting(req.kind);
    return m.run(req);
  };
  for (let steps = 0; steps < 20; steps += 1) {
    const s = (await handoffs(stamp))[0];
    const h = (await handoffs(host))[0];
    if (!s) {
      await run(stamp, { kind: 'stamp.createToken', sessionId: await sessionId(), choices: DEV });
      await marks.done('token-created');
    } else if (s.stage === 'token-created') {
      await stamp.call('handoff.saveToken', { handoffId: s.id, driveId: stampDrive.id });
      await marks.done('token-saved');
    } else if (!h) {
      const file = (await host.call<HandoffFile[]>('handoff.files', { driveId: hostDrive.id })).find((f) => f.kind === 'token');
      await host.call('handoff.readToken', { driveId: hostDrive.id, file: file?.name });
      await marks.done('token-received');
    } else if (h.stage === 'token-received' || h.stage === 'registered') {
      await signIn();
      const subs = await host.call<SubscriptionInfo[]>('azure.subscriptions', { flow: 'disconnected' });
      await run(host, {
        kind: 'azure.register',
        handoffId: h.id,
        subscriptionId: subs.find((x) => x.state === 'Enabled')?.id,
        resourceGroup: 'azurestack',
        location: 'westcentralus',
        registrationName: suggestRegistrationName(h.cloudId),
      });
      await marks.done('key-issued');
    } else if (h.stage === 'key-issued') {
      await host.call('handoff.saveKey', { handoffId: h.id, driveId: hostDrive.id });
      await marks.done('key-saved');
    } else if (s.stage === 'token-saved') {
      const file = (await stamp.call<HandoffFile[]>('handoff.files', { driveId: stampDrive.id })).find((f) => f.kind === 'key');
      await stamp.call('handoff.readKey', { driveId: stampDrive.id, file: file?.name, sessionId: await sessionId() });
      await marks.done('key-received');
    } else if (s.stage === 'key-received' || s.stage === 'activating') {
      await run(stamp, { kind: 'stamp.activate', sessionId: await sessionId(), handoffId: s.id });
      await marks.done('activated');
    } else if (!h.complete) {
      await host.call('handoff.confirmActivated', { handoffId: h.id });
      await marks.done('activation-confirmed');
    } else {
      return steps;
    }
  }
  throw new Error('The procedure did not end in 20 steps.');
};
