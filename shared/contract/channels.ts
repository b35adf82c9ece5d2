import { z } from 'zod';
import type { ChannelName } from './names';
import type { OnEvent } from './events';
import type { OperationSnapshot } from './operations';
import type { Result } from './problems';
import type { Said } from './said';
import {
  ConnectedRefSchema,
  Empty,
  FileName,
  Id,
  OperationStartRequest,
  PepHosts,
  PracticeScenarioSchema,
  SettingsRequestSchema,
} from './schemas';
import { Guid, RegistrationName, ResourceGroupName } from './fields';
import type { PracticeScenario, Settings } from './schemas';
import type {
  AppMode,
  AzureAccount,
  AzureConnection,
  AzureLocation,
  DriveInfo,
  HandoffFile,
  HandoffPage,
  HandoffSummary,
  KeyMatch,
  KeyPreview,
  PermissionReport,
  PreflightReport,
  RegistrationInfo,
  SavedFile,
  StampInfo,
  SubscriptionInfo,
  TokenPreview,
} from '../domain/types';
import { CLOUD_NAMES } from '../domain/types';
import type { RegistrationStatusView, ReregisterPrefill, StampArmAccount } from '../domain/registration-status';
import { ARCHIVE_REASONS } from '../domain/archive';
import type { ConnectedRecord } from '../domain/connected';
import { RECORD_LANGUAGES } from '../domain/handoff-record';
import { LANGUAGES } from '../domain/languages';
import type { HandoffRecord } from '../domain/handoff-record';
import { HELP_TOPICS } from '../domain/help';
import { SCRIPT_LEGS } from '../domain/powershell-script';
import type { HelpTopic } from '../domain/help';

type Def<S extends z.ZodType, R> = { request: S; result?: R };
/** `result` is type-only: it never exists at run time. */
const def =
  <R>() =>
  <S extends z.ZodType>(request: S): Def<S, R> => ({ request });

export type AppInfo = {
  mode: AppMode;
  version: string;
  /** The operating system's locale (BCP 47, e.g. fr-FR): the renderer's language unless the operator chose one. */
  locale: string;
  /** Practice mode: where the practice USB stick lives. */
  practiceDrivePath?: string;
  /** Practice mode: how to sign in to the simulated stamp (not a secret: it guards nothing real). */
  practiceStamp?: {
    ercsAddresses: string[];
    user: string;
    password: string;
    /** The practice stamp's admin Resource Manager and (Azure AD) directory, as its stamp information lists them. */
    adminResourceManager?: string;
    directory?: string;
  };
};

/** The PowerShell the app will start for the privileged endpoint, as main found it. */
export type PowerShellInfo = {
  /** Absolute path of the executable. */
  path: string;
  /** $PSVersionTable.PSVersion and PSEdition as it reported them when main ran it. */
  version?: string;
  edition?: string;
  /** Why it could not be run or cannot be used (then version is absent). */
  problem?: Said;
};

/** A file main wrote where the operator chose in its save dialog (the renderer never sends a path). */
export type SavedExport = { path: string; bytes: number };

export type PepConnected = {
  sessionId: string;
  /** The ERCS address that answered. */
  host: string;
  stamp: StampInfo;
  /** e.g. "10.0.0.224 did not open a session: …" when another address answered. */
  notices: Said[];
};

export const channels = {
  'app.info': def<AppInfo>()(Empty),
  'app.setMode': def<AppInfo>()(z.object({ mode: z.enum(['practice', 'live']) }).strict()),
  'settings.get': def<Settings>()(Empty),
  'settings.set': def<Settings>()(SettingsRequestSchema),
  /** Runs the configured PowerShell (`$PSVersionTable`) and says what the app will start. */
  'settings.powershell': def<PowerShellInfo>()(Empty),
  /** Main's file dialog chooses pwsh; null when the operator cancels. The renderer never sends a path. */
  'settings.choosePowerShell': def<{ settings: Settings; powershell: PowerShellInfo } | null>()(Empty),
  // Practice mode only: setting it in live mode is refused.
  'practice.get': def<PracticeScenario>()(Empty),
  'practice.set': def<PracticeScenario>()(PracticeScenarioSchema),
  // Starts the practice stamp and the practice Azure afresh (a new stamp identity, no registrations).
  'practice.reset': def<PracticeScenario>()(Empty),
  // Opens a Microsoft Learn section in the operator's browser: a topic from the allowlist, never a URL.
  /** The UI language the window shows: main's dialogs and menu follow it. */
  'app.setLanguage': def<Record<string, never>>()(z.object({ language: z.enum(LANGUAGES) }).strict()),
  'app.openHelp': def<Record<string, never>>()(z.object({ topic: z.enum(Object.keys(HELP_TOPICS) as [HelpTopic, ...HelpTopic[]]) }).strict()),

  'pep.preflight': def<PreflightReport>()(z.object({ hosts: PepHosts }).strict()),
  'pep.connect': def<PepConnected>()(
    z
      .object({
        hosts: PepHosts,
        user: z.string().min(1).max(256),
        // Crosses IPC once, into main; never comes back.
        password: z.string().min(1).max(1024),
        transcriptShare: z
          .object({ path: z.string().min(3).max(1024), user: z.string().min(1).max(256), password: z.string().min(1).max(1024) })
          .strict()
          .optional(),
      })
      .strict(),
  ),
  'pep.disconnect': def<{ transcriptsCopied: boolean; notice?: Said }>()(z.object({ sessionId: Id }).strict()),

  'handoff.drives': def<DriveInfo[]>()(Empty),
  'handoff.addFolder': def<DriveInfo | null>()(Empty),
  'handoff.files': def<HandoffFile[]>()(z.object({ driveId: Id }).strict()),
  'handoff.readToken': def<{ handoff: HandoffSummary; token: TokenPreview }>()(
    z.object({ driveId: Id, file: FileName }).strict(),
  ),
  'handoff.readTokenText': def<{ handoff: HandoffSummary; token: TokenPreview }>()(
    z.object({ text: z.string().max(1_048_576) }).strict(),
  ),
  'handoff.saveToken': def<SavedFile>()(z.object({ handoffId: Id, driveId: Id }).strict()),
  'handoff.readKey': def<{ handoff: HandoffSummary; key: KeyPreview; match: KeyMatch }>()(
    z.object({ driveId: Id, file: FileName, sessionId: Id.optional() }).strict(),
  ),
  'handoff.saveKey': def<SavedFile>()(z.object({ handoffId: Id, driveId: Id }).strict()),
  // Every open hand-off, the newest `finished` complete ones (HANDOFF_PAGE_SIZE unless asked) and
  // the ones named in `also` (what the renderer's flows hold), with the count of complete ones.
  'handoff.list': def<HandoffPage>()(
    z.object({ finished: z.number().int().min(0).max(1_000_000).optional(), also: z.array(Id).max(16).optional() }).strict(),
  ),
  'handoff.confirmActivated': def<HandoffSummary>()(z.object({ handoffId: Id }).strict()),
  // A hand-off that will never complete, set aside with a reason; its token and key stay kept.
  'handoff.archive': def<HandoffSummary>()(
    z.object({ handoffId: Id, reason: z.enum(ARCHIVE_REASONS), detail: z.string().max(500).optional() }).strict(),
  ),
  'handoff.restore': def<HandoffSummary>()(z.object({ handoffId: Id }).strict()),
  // The ERCS addresses of the last privileged-endpoint sessions of this mode (never a user name or password).
  'settings.recentErcs': def<string[][]>()(Empty),
  /** Forgets one remembered set of addresses, or all of them without `hosts`. */
  'settings.forgetErcs': def<string[][]>()(z.object({ hosts: PepHosts.optional() }).strict()),
  // The printable record: its facts (the record page reads them), and the PDF main prints and saves
  // where the operator chooses in its dialog (null when the operator cancels).
  'handoff.record': def<HandoffRecord>()(z.object({ handoffId: Id }).strict()),
  'handoff.saveRecord': def<SavedExport | null>()(z.object({ handoffId: Id, language: z.enum(RECORD_LANGUAGES) }).strict()),
  // One zip of what support needs, never a secret, saved where the operator chooses (null when cancelled).
  'diagnostics.export': def<SavedExport | null>()(Empty),
  // A leg's equivalent PowerShell script (shown on its Next steps; prompts for every secret), saved as a
  // .ps1 where the operator chooses in main's dialog (null when cancelled).
  'script.save': def<SavedExport | null>()(z.object({ leg: z.enum(SCRIPT_LEGS), script: z.string().min(1).max(20_000) }).strict()),

  'azure.signIn': def<AzureAccount>()(
    z
      .object({
        cloud: z.enum(CLOUD_NAMES),
        tenantId: z.string().max(128).optional(),
        method: z.enum(['browser', 'device-code']),
      })
      .strict(),
  ),
  // Stops a sign-in that is waiting for the browser or the device code; its loopback listener closes.
  'azure.cancelSignIn': def<{ cancelled: boolean }>()(Empty),
  'azure.connection': def<AzureConnection>()(z.object({ cloud: z.enum(CLOUD_NAMES) }).strict()),
  'azure.signOut': def<Record<string, never>>()(Empty),
  'azure.subscriptions': def<SubscriptionInfo[]>()(z.object({ flow: z.enum(['connected', 'disconnected']) }).strict()),
  'azure.permissions': def<PermissionReport>()(
    z.object({ subscriptionId: Guid, resourceGroup: ResourceGroupName }).strict(),
  ),
  // Opens connections to Resource Manager while the operator picks the token (one unauthenticated `GET /` each, no API call).
  'azure.warmUp': def<Record<string, never>>()(Empty),
  // Locations and permissions for the names the wizard shows, read with everything registration needs.
  'azure.prepare': def<{ locations: AzureLocation[]; permissions: PermissionReport }>()(
    z.object({ subscriptionId: Guid, resourceGroup: ResourceGroupName, registrationName: RegistrationName }).strict(),
  ),
    'azure.createRole': def<{ roleDefinitionId: string; roleName: string; assigned: boolean }>()(z.object({ subscriptionId: Guid }).strict()),
  'azure.registrations': def<RegistrationInfo[]>()(
    z.object({ subscriptionId: Guid, resourceGroup: z.optional(ResourceGroupName) }).strict(),
  ),

  // One registration by name (null: Azure has none there), e.g. for the renewal name rule.
  'azure.registration': def<RegistrationInfo | null>()(
    z.object({ subscriptionId: Guid, resourceGroup: ResourceGroupName, registrationName: RegistrationName }).strict(),
  ),
  // Connected removal, before anything changes: the registration there must carry the connected stamp's cloud ID.
  'registration.findForRemoval': def<RegistrationInfo>()(
    z.object({ sessionId: Id, subscriptionId: Guid, resourceGroup: ResourceGroupName, registrationName: RegistrationName }).strict(),
  ),
  // The stamp's admin Resource Manager (Region management's source): sign in, then read the activation record.
  'stampArm.signIn': def<StampArmAccount>()(
    z
      .object({
        endpoint: z.url({ protocol: /^https$/ }).max(512),
        /** The stamp's directory (Azure AD: tenant ID or domain); ignored on AD FS stamps. */
        tenant: z.string().trim().min(1).max(256).optional(),
        method: z.enum(['browser', 'device-code']),
      })
      .strict(),
  ),
  'stampArm.cancelSignIn': def<{ cancelled: boolean }>()(Empty),
  'stampArm.signOut': def<Record<string, never>>()(Empty),
  // Both sides read afresh; `cloudId` (from a privileged endpoint session) lets Azure's answer be checked against this stamp.
  'status.read': def<RegistrationStatusView>()(z.object({ cloudId: z.optional(Guid) }).strict()),
  // -Reregister: the registration's details recovered from the activation record and Azure.
  'status.prefill': def<ReregisterPrefill>()(z.object({ cloudId: z.optional(Guid) }).strict()),
  /** Connected registrations this machine ran, newest first: what each left in Azure and on the stamp. */
  'connected.records': def<ConnectedRecord[]>()(Empty),
  /** Re-reads a connected registration in Azure (resource, lock, the stamp principal's role): settles an unknown outcome. */
  'connected.check': def<{ registration?: RegistrationInfo; locked?: boolean; ownerAssigned?: boolean }>()(ConnectedRefSchema),

  'operation.start': def<{ operationId: string }>()(OperationStartRequest),
  'operation.cancel': def<OperationSnapshot>()(z.object({ operationId: Id }).strict()),
  'operation.list': def<OperationSnapshot[]>()(Empty),
} satisfies Record<ChannelName, Def<z.ZodType, unknown>>;

type C = typeof channels;
// Every name has a definition and every definition a name.
export type _ChannelsCovered = keyof C extends ChannelName ? (ChannelName extends keyof C ? true : never) : never;

export type RequestOf<N extends ChannelName> = z.input<C[N]['request']>;
export type ParsedRequestOf<N extends ChannelName> = z.output<C[N]['request']>;
export type ResultOf<N extends ChannelName> = Exclude<C[N]['result'], undefined>;

/** What the renderer sees as `window.api`. */
export type Api = { [N in ChannelName]: (req: RequestOf<N>) => Promise<Result<ResultOf<N>>> } & { on: OnEvent };

/** What the main side implements; the dispatcher validates before calling. */
export type Handlers = { [N in ChannelName]: (req: ParsedRequestOf<N>) => Promise<ResultOf<N>> };
