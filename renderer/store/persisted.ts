import { z } from 'zod';
import { PreviousRegistrationSchema, TokenChoicesSchema } from '../../shared/contract';
import { CONNECTED_PURPOSES } from '../../shared/domain/connected';
import { FLOW_STEPS } from '../../shared/domain/flow';
import { LANGUAGES } from '../i18n/languages';
import { CLOUD_NAMES } from '../../shared/domain/types';
import { HANDOFF_PURPOSES, REGISTRATION_CHANGES } from '../../shared/domain/lifecycle';
import type { AppState } from './types';

// Progress only: steps, non-secret inputs and hand-off/operation ids. Main's journal is the record;
// passwords, tokens, keys and operation state never reach storage.

const Text = (max: number) => z.string().max(max);
const OptId = z.string().min(1).max(128).optional();

const StampInfoSchema = z.object({
  cloudId: Text(128),
  stampVersion: Text(64),
  deploymentId: Text(128).optional(),
  oemVersion: Text(128).optional(),
  regionName: Text(128).optional(),
  externalDomainFqdn: Text(255).optional(),
  domainFqdn: Text(255).optional(),
  domainNetBiosName: Text(64).optional(),
  numberOfNodes: z.number().int().min(0).max(1000).optional(),
  identitySystem: Text(64).optional(),
  aadTenantId: Text(128).optional(),
  aadTenantName: Text(255).optional(),
  emergencyConsoleIpAddresses: z.array(Text(255)).max(8),
});

const SavedFileSchema = z.object({
  driveId: Text(128),
  path: Text(1024),
  fileName: Text(255),
  metadataFileName: Text(255),
  fingerprint: Text(64),
  bytes: z.number().int().min(0),
  verified: z.literal(true),
});

const AccountSchema = z.object({
  cloud: z.enum(CLOUD_NAMES),
  username: Text(256),
  tenantId: Text(128),
  practice: z.boolean(),
});

const PersistedSchema = z.object({
  // Added later: progress saved before it follows the OS.
  language: z.enum(['auto', ...LANGUAGES]).default('auto'),
  side: z.enum(['stamp', 'host']).nullable(),
  progressMode: z.enum(['practice', 'live']).nullable(),
  screen: z.enum(['home', 'export', 'register', 'activate', 'deactivate', 'handoffs', 'unregister', 'move', 'settings', 'practice', 'about', 'connected', 'change', 'remove-registration']),
  stamp: z.object({
    hosts: z.array(Text(255)).min(1).max(3),
    user: Text(256),
    sessionId: OptId,
    host: Text(255).optional(),
    info: StampInfoSchema.optional(),
    notices: z.array(Text(1000)).max(10),
  }),
  exp: z.object({
    step: z.enum(FLOW_STEPS.export),
    choices: TokenChoicesSchema,
    operationId: OptId,
    handoffId: OptId,
    driveId: OptId,
    saved: SavedFileSchema.optional(),
  }),
  reg: z.object({
    step: z.enum(FLOW_STEPS.register),
    cloud: z.enum(CLOUD_NAMES),
    method: z.enum(['browser', 'device-code']),
    // Added later: progress saved before it has none.
    tenant: Text(128).default(''),
    account: AccountSchema.optional(),
    subscriptionId: OptId,
    driveId: OptId,
    fileName: Text(255).optional(),
    handoffId: OptId,
    tokenConfirmed: z.boolean(),
    registrationName: Text(90),
    resourceGroup: Text(90),
    location: Text(64),
    roleCreated: Text(256).optional(),
    operationId: OptId,
    saved: SavedFileSchema.optional(),
  }),
  act: z.object({
    step: z.enum(FLOW_STEPS.activate),
    driveId: OptId,
    fileName: Text(255).optional(),
    handoffId: OptId,
    operationId: OptId,
    removeOpId: OptId,
    awaiting: OptId,
  }),
  mng: z.object({
    resourceGroup: Text(90),
    by: z.enum(['name', 'token']),
    registrationName: Text(90),
    handoffId: OptId,
    targetResourceGroup: Text(90),
    unregisterOpId: OptId,
    moveOpId: OptId,
  }),
  // Added later: progress saved before it has none.
  life: z
    .object({
      change: z.enum(REGISTRATION_CHANGES),
      connectivity: z.enum(['connected', 'disconnected']),
      exportPurpose: z.enum(HANDOFF_PURPOSES).optional(),
      resourceGroup: Text(90),
      registrationName: Text(90),
      stampDeactivated: z.boolean(),
      removeOpId: OptId,
    })
    .optional(),
  con: z
    .object({
      purpose: z.enum(CONNECTED_PURPOSES),
      subscriptionId: OptId,
      registrationName: Text(90),
      resourceGroup: Text(90),
      location: Text(64),
      choices: TokenChoicesSchema.omit({ targetCloud: true, tokenVersion: true }),
      previous: PreviousRegistrationSchema.optional(),
      operationId: OptId,
    })
    .optional(),
});
export type Persisted = z.infer<typeof PersistedSchema>;

/** Field by field, so nothing new in the state slips into storage unnoticed. */
export const partialize = (s: AppState): Persisted => ({
  language: s.language,
  side: s.side,
  progressMode: s.progressMode,
  screen: s.screen,
  stamp: {
    hosts: s.stamp.hosts,
    user: s.stamp.user,
    sessionId: s.stamp.sessionId,
    host: s.stamp.host,
    info: s.stamp.info,
    notices: s.stamp.notices,
  },
  exp: {
    step: s.exp.step,
    choices: s.exp.choices,
    operationId: s.exp.operationId,
    handoffId: s.exp.handoffId,
    driveId: s.exp.driveId,
    saved: s.exp.saved,
  },
  reg: {
    step: s.reg.step,
    cloud: s.reg.cloud,
    method: s.reg.method,
    tenant: s.reg.tenant,
    account: s.reg.account,
    subscriptionId: s.reg.subscriptionId,
    driveId: s.reg.driveId,
    fileName: s.reg.fileName,
    handoffId: s.reg.handoffId,
    tokenConfirmed: s.reg.tokenConfirmed,
    registrationName: s.reg.registrationName,
    resourceGroup: s.reg.resourceGroup,
    location: s.reg.location,
    roleCreated: s.reg.roleCreated,
    operationId: s.reg.operationId,
    saved: s.reg.saved,
  },
  act: {
    step: s.act.step,
    driveId: s.act.driveId,
    fileName: s.act.fileName,
    handoffId: s.act.handoffId,
    operationId: s.act.operationId,
    removeOpId: s.act.removeOpId,
    awaiting: s.act.awaiting,
  },
  mng: {
    resourceGroup: s.mng.resourceGroup,
    by: s.mng.by,
    registrationName: s.mng.registrationName,
    handoffId: s.mng.handoffId,
    targetResourceGroup: s.mng.targetResourceGroup,
    unregisterOpId: s.mng.unregisterOpId,
    moveOpId: s.mng.moveOpId,
  },
  life: {
    change: s.life.change,
    connectivity: s.life.connectivity,
    exportPurpose: s.life.exportPurpose,
    resourceGroup: s.life.resourceGroup,
    registrationName: s.life.registrationName,
    stampDeactivated: s.life.stampDeactivated,
    removeOpId: s.life.removeOpId,
  },
  con: {
    purpose: s.con.purpose,
    subscriptionId: s.con.subscriptionId,
    registrationName: s.con.registrationName,
    resourceGroup: s.con.resourceGroup,
    location: s.con.location,
    choices: s.con.choices,
    previous: s.con.previous,
    operationId: s.con.operationId,
  },
});

/** zod-checked merge: a stored blob that fails its schema is dropped whole, never half-applied. */
export const mergePersisted = (stored: unknown, live: AppState): AppState => {
  const parsed = PersistedSchema.safeParse(stored);
  if (!parsed.success) return live;
  const p = parsed.data;
  return {
    ...live,
    language: p.language,
    side: p.side,
    progressMode: p.progressMode,
    screen: p.screen,
    stamp: { ...live.stamp, ...p.stamp },
    exp: { ...live.exp, ...p.exp },
    reg: { ...live.reg, ...p.reg },
    act: { ...live.act, ...p.act },
    mng: { ...live.mng, ...p.mng },
    life: { ...live.life, ...p.life },
    con: { ...live.con, ...p.con },
  };
};
