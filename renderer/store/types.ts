import type { StateCreator } from 'zustand';
import type {
  AppInfo,
  DeviceCodePrompt,
  OperationProgress,
  OperationSnapshot,
  PowerShellInfo,
  PracticeScenario,
  Problem,
  Settings,
  SavedExport,
  SettingsRequest,
  StateChanged,
} from '../../shared/contract';
import type { HelpTopic } from '../../shared/domain/help';
import type { ScriptLeg } from '../../shared/domain/powershell-script';
import type { ArchiveReason } from '../../shared/domain/archive';
import type { Said } from '../../shared/contract/said';
import type { Language, LanguageChoice } from '../i18n/languages';
import type { ConnectedSlice } from './connected-slice';
import type { ActivateStep, ExportStep, RegisterStep } from '../../shared/domain/flow';
import type { Connectivity, HandoffPurpose, RegistrationChange } from '../../shared/domain/lifecycle';
import type {
  AzureAccount,
  AzureConnection,
  AzureLocation,
  CloudName,
  DriveInfo,
  HandoffFile,
  HandoffSummary,
  KeyMatch,
  KeyPreview,
  MachineSide,
  PermissionReport,
  PreflightReport,
  RegistrationInfo,
  SavedFile,
  StampInfo,
  SubscriptionInfo,
  TokenChoices,
  TokenPreview,
} from '../../shared/domain/types';

import type { StatusSlice } from './status-slice';

export type Screen =
  | 'home'
  | 'export'
  | 'register'
  | 'activate'
  | 'deactivate'
  | 'handoffs'
  | 'unregister'
  | 'move'
  | 'settings'
  | 'practice'
  | 'status'
  | 'about'
  | 'connected'
  | 'change'
  | 'remove-registration';

/** Where a call's busy flag and problem are shown. */
export type Scope = 'shell' | 'stamp' | 'export' | 'register' | 'activate' | 'manage' | 'settings' | 'practice' | 'status' | 'connected' | 'lifecycle' | 'records';

export type ShellSlice = {
  /** The UI language the operator chose; `auto` follows the OS locale main reports. */
  language: LanguageChoice;
  setLanguage(language: LanguageChoice): void;
  /** Tells main the language the window shows: its dialogs and menu follow it. */
  languageShown(language: Language): void;
  side: MachineSide | null;
  screen: Screen;
  info: AppInfo | null;
  /** The mode the saved progress belongs to: practice progress never carries into live. */
  progressMode: AppInfo['mode'] | null;
  /** Every open hand-off, the newest finished ones and the ones the flows hold (handoff.list). */
  handoffs: HandoffSummary[];
  /** Finished hand-offs main has (`total`), how many `handoffs` holds (`shown`), and how many of the newest are asked for (`wanted`). */
  finishedHandoffs: { total: number; shown: number; wanted: number };
  drives: DriveInfo[];
  busy: Partial<Record<Scope, string>>;
  problems: Partial<Record<Scope, Problem>>;
  /** The last `app.stateChanged` generation re-read. */
  generation: number;
  /** Re-reads what main knows after it says something changed, and brings every screen's copy in line. */
  resync(change: StateChanged): Promise<void>;
  /** Subscribes to main's events and loads what main knows; returns the unsubscribe. */
  init(): Promise<() => void>;
  chooseSide(side: MachineSide | null): void;
  /** Opens the Microsoft Learn section of a topic in the operator's browser (main does it). */
  openHelp(topic: HelpTopic): Promise<void>;
  open(screen: Screen): void;
  dismissProblem(scope: Scope): void;
  loadInfo(): Promise<void>;
  setMode(mode: AppInfo['mode']): Promise<void>;
  refreshHandoffs(): Promise<void>;
  /** Asks for HANDOFF_PAGE_SIZE more finished hand-offs, older ones (the Hand-offs screen's "Show older"). */
  showOlderHandoffs(): Promise<void>;
  /** Host side: the stamp is activated, so the token and key can be let go of. */
  confirmActivated(handoffId: string): Promise<void>;
  refreshDrives(): Promise<void>;
  addFolder(): Promise<DriveInfo | undefined>;
};

/** The privileged-endpoint session, shared by export and activate. */
export type StampSlice = {
  stamp: {
    hosts: string[];
    user: string;
    /** Held only until `pep.connect` returns; never persisted. */
    password: string;
    preflight?: PreflightReport;
    sessionId?: string;
    host?: string;
    info?: StampInfo;
    notices: Said[];
    /** Where Close-PrivilegedEndpoint copies the PEP transcripts; the password is never persisted. */
    share: { path: string; user: string; password: string };
  };
  setHosts(hosts: string[]): void;
  setShare(share: Partial<StampSlice['stamp']['share']>): void;
  setUser(user: string): void;
  setPassword(password: string): void;
  runPreflight(): Promise<void>;
  connect(): Promise<boolean>;
  disconnect(): Promise<void>;
};

export type ExportSlice = {
  exp: {
    step: ExportStep;
    choices: TokenChoices;
    operationId?: string;
    handoffId?: string;
    driveId?: string;
    saved?: SavedFile;
  };
  goExport(step: ExportStep): void;
  setChoices(patch: Partial<TokenChoices>): void;
  setExportDrive(driveId: string): void;
  generateToken(): Promise<void>;
  saveToken(): Promise<void>;
};

export type RegisterSlice = {
  reg: {
    step: RegisterStep;
    cloud: CloudName;
    method: 'browser' | 'device-code';
    /** Directory (tenant) ID or domain to sign in to; '' lets Azure pick the account's home tenant. */
    tenant: string;
    account?: AzureAccount;
    /** The sign-in client and proxies main will use for the chosen cloud (not kept). */
    connection?: AzureConnection;
    deviceCode?: DeviceCodePrompt;
    subscriptions: SubscriptionInfo[];
    subscriptionId?: string;
    driveId?: string;
    files: HandoffFile[];
    fileName?: string;
    /** Pasted token text; a token, so never persisted. */
    pasted: string;
    token?: TokenPreview;
    handoffId?: string;
    tokenConfirmed: boolean;
    registrationName: string;
    resourceGroup: string;
    location: string;
    locations: AzureLocation[];
    permissions?: PermissionReport;
    roleCreated?: string;
    operationId?: string;
    saved?: SavedFile;
  };
  goRegister(step: RegisterStep): void;
  setRegister(patch: Partial<Pick<RegisterSlice['reg'], RegisterInput>>): void;
  signIn(): Promise<void>;
  /** Stops a sign-in waiting for the browser or the device code. */
  cancelSignIn(): Promise<void>;
  loadConnection(): Promise<void>;
  signOut(): Promise<void>;
  loadSubscriptions(): Promise<void>;
  setRegisterDrive(driveId: string): Promise<void>;
  readToken(fileName: string): Promise<void>;
  readPastedToken(): Promise<void>;
  /** Opens connections to Azure while the operator picks the token; failures are left to the calls that follow. */
  warmUp(): Promise<void>;
  /** Locations and permissions for the names shown, read with what registration needs (one round trip). */
  prepare(): Promise<void>;
  checkPermissions(): Promise<void>;
  createRole(): Promise<void>;
  register(): Promise<void>;
  saveKey(): Promise<void>;
};

export type RegisterInput =
  | 'cloud'
  | 'method'
  | 'tenant'
  | 'subscriptionId'
  | 'pasted'
  | 'tokenConfirmed'
  | 'registrationName'
  | 'resourceGroup'
  | 'location';

export type ActivateSlice = {
  act: {
    step: ActivateStep;
    driveId?: string;
    files: HandoffFile[];
    fileName?: string;
    /** The decoded key; never persisted. */
    key?: { key: KeyPreview; match: KeyMatch };
    handoffId?: string;
    operationId?: string;
    /** Remove-AzsActivationResource, before re-registering or unregistering. */
    removeOpId?: string;
    /** The hand-off whose key the operator came to read (Activate offered on it). */
    awaiting?: string;
  };
  goActivate(step: ActivateStep): void;
  setActivateDrive(driveId: string): Promise<void>;
  readKey(fileName: string): Promise<void>;
  activate(): Promise<void>;
  removeActivation(): Promise<void>;
};

export type ManageSlice = {
  mng: {
    registrations: RegistrationInfo[];
    /** Empty: search the whole subscription. */
    resourceGroup: string;
    by: 'name' | 'token';
    registrationName: string;
    handoffId?: string;
    confirmName: string;
    unregisterOpId?: string;
    targetResourceGroup: string;
    moveOpId?: string;
    /** Where the check after a move of unknown outcome found the registration. */
    moveCheck?: { registration?: RegistrationInfo; checkedGroups: string[] };
  };
  setManage(patch: Partial<Pick<ManageSlice['mng'], ManageInput>>): void;
  loadRegistrations(): Promise<void>;
  unregister(): Promise<void>;
  move(): Promise<void>;
  /** Settles a move whose outcome is unknown: looks for the registration in both groups. */
  checkMove(): Promise<void>;
};

export type ManageInput = 'resourceGroup' | 'by' | 'registrationName' | 'handoffId' | 'confirmName' | 'targetResourceGroup';

/** "Change the registration" and the connected removal. */
export type LifecycleSlice = {
  life: {
    change: RegistrationChange;
    connectivity: Connectivity;
    /** What the next exported token is for (set by "Change the registration"); absent: a first registration. */
    exportPurpose?: HandoffPurpose;
    resourceGroup: string;
    registrationName: string;
    confirmName: string;
    /** The registration the removal found, checked against the connected stamp's cloud ID. */
    found?: RegistrationInfo;
    /** An earlier removal deactivated the stamp and Azure's part failed: the re-run does only Azure's part. */
    stampDeactivated: boolean;
    removeOpId?: string;
    /** The renewal name rule's last check on the names step (null: the name is free in Azure). */
    renewalCheck?: { resourceGroup: string; registrationName: string; existing: RegistrationInfo | null };
  };
  setLife(patch: Partial<Pick<LifecycleSlice['life'], LifecycleInput>>): void;
  /** Opens "Change the registration" on a change (e.g. from a status screen that found the registration gone). */
  openChange(change: RegistrationChange, connectivity?: Connectivity): void;
  /** Sets the purpose of the next hand-off and opens the export leg afresh. */
  startChangeHandoff(): void;
  findForRemoval(): Promise<void>;
  removeRegistration(): Promise<void>;
  checkRenewalName(): Promise<void>;
};

export type LifecycleInput = 'change' | 'connectivity' | 'exportPurpose' | 'resourceGroup' | 'registrationName' | 'confirmName' | 'stampDeactivated';

/** Main's operations, mirrored; `log` keeps the recent progress lines. */
export type OperationView = OperationSnapshot;

export type OperationsSlice = {
  ops: Record<string, OperationView>;
  syncOperations(): Promise<void>;
  onProgress(p: OperationProgress): void;
  onFinished(f: NonNullable<OperationSnapshot['finished']>): void;
  cancelOperation(operationId: string): Promise<void>;
};

/** Operator settings kept by main (settings.json); the form's draft lives in the screen. */
export type SettingsSlice = {
  /** As main has them; null until loaded. */
  settings: Settings | null;
  /** What main will run for the privileged endpoint (path, version), as it found it; null until known. */
  powershell: PowerShellInfo | null;
  /** Reads the settings, then what PowerShell they start (main runs it for its version). */
  loadSettings(): Promise<void>;
  /** True when main accepted them. Saving recomposes main: PEP sessions close and Azure signs out. */
  saveSettings(next: SettingsRequest): Promise<boolean>;
  /** Main's file dialog chooses pwsh (saved at once when main accepts it); false when cancelled or refused. */
  choosePowerShell(): Promise<boolean>;
};

/** The practice scenario main simulates (practice mode only). */
export type PracticeSlice = {
  /** As main has it; null until loaded. */
  scenario: PracticeScenario | null;
  loadScenario(): Promise<void>;
  /** True when main accepted it. Saving recomposes main: PEP sessions close and Azure signs out. */
  saveScenario(next: PracticeScenario): Promise<boolean>;
  /** Starts the practice stamp and the practice Azure afresh; true when main did. */
  resetPractice(): Promise<boolean>;
};

/** The two legs that start a hand-off. */
export type Leg = 'export' | 'register';

export type NavSlice = {
  /** A new leg asked for while one holds a hand-off: the dialog says what becomes of it. */
  pendingNew: Leg | null;
  /** ERCS address sets of the last sessions in this mode, as main remembers them. */
  recentErcs: string[][];
  /** A new export (stamp side) or registration (connected host); asks first when one is in progress. */
  startNew(leg: Leg): void;
  confirmNew(): void;
  cancelNew(): void;
  /** Opens the activation leg on a hand-off whose key is expected. */
  activateHandoff(handoffId: string): void;
  /** Lists the activation drive again without a busy note (a key may have arrived). */
  pollKeyFiles(): Promise<void>;
  /** True when main archived it. */
  archiveHandoff(handoffId: string, reason: ArchiveReason, detail?: string): Promise<boolean>;
  restoreHandoff(handoffId: string): Promise<void>;
  loadRecentErcs(): Promise<void>;
  /** Forgets one set of addresses, or every set. */
  forgetErcs(hosts?: string[]): Promise<void>;
};

/** Printable records of hand-offs and Export diagnostics: files main saves where the operator chooses. */
export type RecordsSlice = {
  records: {
    /** The hand-off whose record was asked for last (its button shows the outcome). */
    handoffId?: string;
    /** The last record saved, for that hand-off; cleared when a new save starts. */
    saved?: SavedExport;
    diagnostics?: SavedExport;
    /** The leg whose script was asked for last as a .ps1 (its box shows the outcome), and where it went. */
    script?: { leg: ScriptLeg; saved?: SavedExport };
  };
  saveRecord(handoffId: string): Promise<void>;
  exportDiagnostics(): Promise<void>;
  saveScript(leg: ScriptLeg, script: string): Promise<void>;
};

export type AppState = ShellSlice &
  NavSlice &
  RecordsSlice &
  StampSlice &
  ExportSlice &
  RegisterSlice &
  ActivateSlice &
  ManageSlice &
  OperationsSlice &
  SettingsSlice &
  PracticeSlice &
  StatusSlice &
  ConnectedSlice &
  LifecycleSlice;

export type Slice<T> = StateCreator<AppState, [['zustand/persist', unknown]], [], T>;
