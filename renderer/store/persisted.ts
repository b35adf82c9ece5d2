import * as z from 'zod/mini';
import { PreviousRegistrationSchema, TokenChoicesSchema } from '../../shared/contract/fields';
import { CONNECTED_PURPOSES } from '../../shared/domain/connected';
import { FLOW_STEPS } from '../../shared/domain/flow';
import { LANGUAGES } from '../i18n/languages';
import { CLOUD_NAMES } from '../../shared/domain/types';
import { HANDOFF_PURPOSES, REGISTRATION_CHANGES } from '../../shared/domain/lifecycle';
import type { Said, SaidCode } from '../../shared/contract/said';
import type { AppState } from './types';

// Progress only: steps, non-secret inputs and hand-off/operation ids. Main's journal is the record;
// passwords, tokens, keys and operation state never reach storage.

const Text = (max: number) => z.string().check(z.maxLength(max));
const OptId = z.optional(z.string().check(z.minLength(1), z.maxLength(128)));
/** A sentence main said (session notices), as the UI shows it again after a reload. */
const SaidSchema: z.ZodMiniType<Said> = z.object({
  code: z.custom<SaidCode>((v) => typeof v === 'string' && v.length <= 100),
  text: Text(2000),
  get values() {
    return z.optional(z.record(z.string(), z.union([Text(1000), z.number(), z.object({ at: Text(64) }), SaidSchema])));
  },
});

const StampInfoSchema = z.object({
  cloudId: Text(128),
  stampVersion: Text(64),
  deploymentId: z.optional(Text(128)),
  oemVersion: z.optional(Text(128)),
  regionName: z.optional(Text(128)),
  externalDomainFqdn: z.optional(Text(255)),
  domainFqdn: z.optional(Text(255)),
  domainNetBiosName: z.optional(Text(64)),
  numberOfNodes: z.optional(z.int().check(z.minimum(0), z.maximum(1000))),
  identitySystem: z.optional(Text(64)),
  aadTenantId: z.optional(Text(128)),
  aadTenantName: z.optional(Text(255)),
  emergencyConsoleIpAddresses: z.array(Text(255)).check(z.maxLength(8)),
});

const SavedFileSchema = z.object({
  driveId: Text(128),
  path: Text(1024),
  fileName: Text(255),
  metadataFileName: Text(255),
  fingerprint: Text(64),
  bytes: z.int().check(z.minimum(0)),
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
  language: z._default(z.enum(['auto', ...LANGUAGES]), 'auto'),
  side: z.nullable(z.enum(['stamp', 'host'])),
  progressMode: z.nullable(z.enum(['practice', 'live'])),
  screen: z.enum(['home', 'export', 'register', 'activate', 'deactivate', 'handoffs', 'unregister', 'move', 'settings', 'practice', 'status', 'about', 'connected', 'change', 'remove-registration']),
  stamp: z.object({
    hosts: z.array(Text(255)).check(z.minLength(1), z.maxLength(3)),
    user: Text(256),
    sessionId: OptId,
    host: z.optional(Text(255)),
    info: z.optional(StampInfoSchema),
    notices: z.array(SaidSchema).check(z.maxLength(10)),
  }),
  exp: z.object({
    step: z.enum(FLOW_STEPS.export),
    choices: TokenChoicesSchema,
    operationId: OptId,
    handoffId: OptId,
    driveId: OptId,
    saved: z.optional(SavedFileSchema),
  }),
  reg: z.object({
    step: z.enum(FLOW_STEPS.register),
    cloud: z.enum(CLOUD_NAMES),
    method: z.enum(['browser', 'device-code']),
    // Added later: progress saved before it has none.
    tenant: z._default(Text(128), ''),
    account: z.optional(AccountSchema),
    subscriptionId: OptId,
    driveId: OptId,
    fileName: z.optional(Text(255)),
    handoffId: OptId,
    tokenConfirmed: z.boolean(),
    registrationName: Text(90),
    resourceGroup: Text(90),
    location: Text(64),
    roleCreated: z.optional(Text(256)),
    operationId: OptId,
    saved: z.optional(SavedFileSchema),
  }),
  act: z.object({
    step: z.enum(FLOW_STEPS.activate),
    driveId: OptId,
    fileName: z.optional(Text(255)),
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
  life: z.optional(
    z.object({
      change: z.enum(REGISTRATION_CHANGES),
      connectivity: z.enum(['connected', 'disconnected']),
      exportPurpose: z.optional(z.enum(HANDOFF_PURPOSES)),
      resourceGroup: Text(90),
      registrationName: Text(90),
      stampDeactivated: z.boolean(),
      removeOpId: OptId,
    }),
  ),
  con: z.optional(
    z.object({
      purpose: z.enum(CONNECTED_PURPOSES),
      subscriptionId: OptId,
      registrationName: Text(90),
      resourceGroup: Text(90),
      location: Text(64),
      choices: z.omit(TokenChoicesSchema, { targetCloud: true, tokenVersion: true }),
      previous: z.optional(PreviousRegistrationSchema),
      operationId: OptId,
    }),
  ),
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
