// Channel and event names, zod-free, so the preload and the test bridge can list them cheaply.
// `channels.ts` is checked against this list at compile time.
export const channelNames = [
  'app.info',
  'app.setMode',
  'settings.get',
  'settings.set',
  'settings.powershell',
  'settings.choosePowerShell',
  'practice.get',
  'practice.set',
  'practice.reset',
  'app.openHelp',
  'pep.preflight',
  'pep.connect',
  'pep.disconnect',
  'handoff.drives',
  'handoff.addFolder',
  'handoff.files',
  'handoff.readToken',
  'handoff.readTokenText',
  'handoff.saveToken',
  'handoff.readKey',
  'handoff.saveKey',
  'handoff.list',
  'handoff.confirmActivated',
  'handoff.archive',
  'handoff.restore',
  'settings.recentErcs',
  'settings.forgetErcs',
  'handoff.record',
  'handoff.saveRecord',
  'diagnostics.export',
  'azure.signIn',
  'azure.cancelSignIn',
  'azure.connection',
  'azure.signOut',
  'azure.subscriptions',
  'azure.permissions',
  'azure.warmUp',
  'azure.prepare',
  'azure.createRole',
  'azure.registrations',
  'azure.registration',
  'registration.findForRemoval',
  'stampArm.signIn',
  'stampArm.cancelSignIn',
  'stampArm.signOut',
  'status.read',
  'status.prefill',
  'connected.records',
  'connected.check',
  'operation.start',
  'operation.cancel',
  'operation.list',
] as const;
export type ChannelName = (typeof channelNames)[number];
export const isChannelName = (name: unknown): name is ChannelName =>
  typeof name === 'string' && (channelNames as readonly string[]).includes(name);

export const eventNames = ['operation.progress', 'operation.finished', 'azure.deviceCode', 'app.modeChanged', 'app.stateChanged', 'app.show'] as const;
export type EventName = (typeof eventNames)[number];
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && (eventNames as readonly string[]).includes(name);
