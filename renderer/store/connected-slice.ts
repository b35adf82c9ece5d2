import type { Api } from '../../shared/contract';
import { DEFAULT_RESOURCE_GROUP, defaultLocation, suggestRegistrationName } from '../../shared/domain';
import type { BillingModel, ConnectedPurpose, ConnectedRecord, PreviousRegistration, RegistrationInfo, SubscriptionInfo } from '../../shared/domain';
import { makeCall } from './call';
import type { Slice } from './types';

/** The choices of a connected run; the cloud is the one signed in to. */
export type ConnectedChoices = {
  billingModel: BillingModel;
  agreementNumber?: string;
  msAssetTag?: string;
  usageReportingEnabled?: boolean;
  marketplaceSyndicationEnabled?: boolean;
};

/** What another flow (status, re-register recovery, lifecycle) knows and starts this one with. */
export type ConnectedPrefill = {
  purpose?: ConnectedPurpose;
  subscriptionId?: string;
  resourceGroup?: string;
  registrationName?: string;
  location?: string;
  choices?: Partial<ConnectedChoices>;
  previous?: PreviousRegistration;
};

export type ConnectedSlice = {
  con: {
    purpose: ConnectedPurpose;
    subscriptions: SubscriptionInfo[];
    subscriptionId?: string;
    registrationName: string;
    resourceGroup: string;
    location: string;
    choices: ConnectedChoices;
    previous?: PreviousRegistration;
    operationId?: string;
    /** This machine's record of connected runs, as main last said. */
    records: ConnectedRecord[];
    /** What Azure held when last re-read (settles an unknown outcome). */
    check?: { registration?: RegistrationInfo; locked?: boolean; ownerAssigned?: boolean; at: string };
  };
  /** Opens the connected flow, prefilled (a change, renewal or scale change of a known registration). */
  openConnected(prefill?: ConnectedPrefill): void;
  setConnected(patch: Partial<Omit<ConnectedSlice['con'], 'subscriptions' | 'records' | 'operationId' | 'check'>>): void;
  setConnectedChoices(patch: Partial<ConnectedChoices>): void;
  loadConnectedSubscriptions(): Promise<void>;
  loadConnectedRecords(): Promise<void>;
  startConnected(): Promise<void>;
  /** Re-reads the registration, its lock and the stamp principal's role in Azure. */
  checkConnected(): Promise<void>;
};

export const connectedSlice =
  (api: Api): Slice<ConnectedSlice> =>
  (set, get) => {
    const call = makeCall(set, get);
    const patch = (p: Partial<ConnectedSlice['con']>) => set((s) => ({ con: { ...s.con, ...p } }));
    return {
      con: {
        purpose: 'register',
        subscriptions: [],
        registrationName: '',
        resourceGroup: DEFAULT_RESOURCE_GROUP,
        location: defaultLocation('AzureCloud'),
        choices: { billingModel: 'PayAsYouUse' },
        records: [],
      },
      openConnected: (prefill = {}) => {
        const { choices, ...rest } = prefill;
        set((s) => ({
          screen: 'connected',
          // A machine that registers a connected stamp reaches Azure: the host side's tasks stay in reach.
          side: s.side ?? 'host',
          con: { ...s.con, ...rest, choices: { ...s.con.choices, ...choices }, operationId: undefined, check: undefined },
        }));
      },
      setConnected: (p) => patch({ ...p, check: undefined }),
      setConnectedChoices: (p) => set((s) => ({ con: { ...s.con, choices: { ...s.con.choices, ...p } } })),
      loadConnectedSubscriptions: async () => {
        const subscriptions = await call('connected', 'busy.subscriptions', () => api['azure.subscriptions']({ flow: 'connected' }));
        if (!subscriptions) return;
        // A subscription Azure would refuse (disabled, warned, past due) is never kept or chosen.
        const usable = subscriptions.filter((x) => x.refusal === undefined);
        const kept = usable.find((x) => x.id === get().con.subscriptionId);
        patch({ subscriptions, subscriptionId: kept?.id ?? (usable.length === 1 ? usable[0]?.id : undefined) });
      },
      loadConnectedRecords: async () => {
        const records = await call('connected', 'connected.busy.records', () => api['connected.records']({}));
        if (records) patch({ records });
      },
      startConnected: async () => {
        const { con, stamp } = get();
        if (!stamp.sessionId || !con.subscriptionId) return;
        const name = con.registrationName.trim() || (stamp.info ? suggestRegistrationName(stamp.info.cloudId) : '');
        const cloud = get().reg.account?.cloud ?? 'AzureCloud';
        const started = await call('connected', 'connected.busy.start', () =>
          api['operation.start']({
            kind: 'connected.register',
            sessionId: stamp.sessionId ?? '',
            purpose: con.purpose,
            subscriptionId: con.subscriptionId ?? '',
            resourceGroup: con.resourceGroup.trim(),
            registrationName: name,
            location: con.location.trim(),
            choices: { ...con.choices, targetCloud: cloud },
            ...(con.purpose !== 'register' && con.previous ? { previous: con.previous } : {}),
          }),
        );
        if (!started) return;
        patch({ operationId: started.operationId, registrationName: name, check: undefined });
        await get().syncOperations();
      },
      checkConnected: async () => {
        const { con } = get();
        if (!con.subscriptionId) return;
        const ref = { subscriptionId: con.subscriptionId, resourceGroup: con.resourceGroup.trim(), registrationName: con.registrationName.trim() };
        const principalId = con.records.find((r) => r.id === [ref.subscriptionId, ref.resourceGroup, ref.registrationName].join('/').toLowerCase())?.principalId;
        const state = await call('connected', 'connected.busy.check', () => api['connected.check']({ ...ref, ...(principalId ? { principalId } : {}) }));
        if (state) patch({ check: { ...state, at: new Date().toISOString() } });
        await get().loadConnectedRecords();
      },
    };
  };
