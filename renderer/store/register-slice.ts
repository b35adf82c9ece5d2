import type { Api } from '../../shared/contract';
import type { HandoffSummary, TokenPreview } from '../../shared/domain/types';
import { DEFAULT_RESOURCE_GROUP, defaultLocation, suggestRegistrationName } from '../../shared/domain/registration-defaults';
import { makeCall } from './call';
import { azureGone } from './reconcile';
import type { RegisterSlice, Slice } from './types';

/** The busy label of a sign-in in progress: the sign-in step offers Cancel while it shows. */
export const SIGNING_IN = 'busy.signIn';

export const registerSlice =
  (api: Api): Slice<RegisterSlice> =>
  (set, get) => {
    const call = makeCall(set, get);
    const patch = (p: Partial<RegisterSlice['reg']>) => set((s) => ({ reg: { ...s.reg, ...p } }));

    const tokenLoaded = (read: { handoff: HandoffSummary; token: TokenPreview }, fileName?: string) => {
      const { reg } = get();
      const previous = reg.token?.summary.cloudId;
      const cloudId = read.token.summary.cloudId;
      // Keep a name the operator typed for this cloud; suggest one for a new cloud.
      const keepName = reg.registrationName !== '' && (previous === undefined || previous === cloudId);
      patch({
        token: read.token,
        handoffId: read.handoff.id,
        fileName,
        pasted: '',
        tokenConfirmed: false,
        registrationName: keepName ? reg.registrationName : suggestRegistrationName(cloudId),
        operationId: undefined,
        saved: undefined,
      });
      // The journal now has this hand-off: the hand-offs list and the unregister screen show it.
      void get().refreshHandoffs();
    };

    return {
      reg: {
        step: 'sign-in',
        cloud: 'AzureCloud',
        method: 'browser',
        tenant: '',
        subscriptions: [],
        files: [],
        pasted: '',
        tokenConfirmed: false,
        registrationName: '',
        resourceGroup: DEFAULT_RESOURCE_GROUP,
        location: defaultLocation('AzureCloud'),
        locations: [],
      },

      goRegister: (step) => patch({ step }),
      setRegister: (p) => {
        const { reg } = get();
        // A new cloud brings its own default location unless the operator picked one.
        const cloudChanged = p.cloud !== undefined && p.cloud !== reg.cloud;
        const location = cloudChanged && reg.location === defaultLocation(reg.cloud) ? defaultLocation(p.cloud ?? reg.cloud) : undefined;
        const subChanged = p.subscriptionId !== undefined && p.subscriptionId !== reg.subscriptionId;
        patch({
          ...p,
          ...(location ? { location } : {}),
          ...(subChanged ? { locations: [], permissions: undefined } : {}),
          ...(p.resourceGroup !== undefined ? { permissions: undefined } : {}),
        });
      },

      signIn: async () => {
        const { cloud, method } = get().reg;
        const tenantId = get().reg.tenant.trim();
        patch({ deviceCode: undefined });
        const account = await call('register', SIGNING_IN, () =>
          api['azure.signIn']({ cloud, method, ...(tenantId !== '' ? { tenantId } : {}) }),
        );
        patch({ deviceCode: undefined });
        if (!account) return;
        const cloudChanged = get().reg.account?.cloud !== account.cloud;
        patch({ account, ...(cloudChanged ? { subscriptions: [], locations: [] } : {}) });
        await get().loadSubscriptions();
      },
      cancelSignIn: async () => {
        // Not through `call`: the sign-in's own call is still running and will report the cancellation.
        await api['azure.cancelSignIn']({});
      },
      loadConnection: async () => {
        const { cloud } = get().reg;
        const res = await api['azure.connection']({ cloud });
        // What the app will use; a failure here only hides the line, sign-in itself reports problems.
        if (res.ok && get().reg.cloud === cloud) patch({ connection: res.value });
      },
      signOut: async () => {
        await call('register', 'busy.signOut', () => api['azure.signOut']({}));
        set((s) => ({ reg: azureGone(s.reg) }));
      },
      loadSubscriptions: async () => {
        const subscriptions = await call('register', 'busy.subscriptions', () =>
          api['azure.subscriptions']({ flow: 'disconnected' }),
        );
        if (!subscriptions) return;
        const current = get().reg.subscriptionId;
        // A subscription Azure would refuse (disabled, warned, past due) is never kept or chosen.
        const usable = subscriptions.filter((s) => s.refusal === undefined);
        const keep = usable.some((s) => s.id === current);
        const only = usable.length === 1 ? usable[0]?.id : undefined;
        patch({ subscriptions, subscriptionId: keep ? current : only });
      },
      setRegisterDrive: async (driveId) => {
        patch({ driveId, files: [] });
        const files = await call('register', 'busy.readDrive', () => api['handoff.files']({ driveId }));
        if (files) patch({ files });
      },
      readToken: async (fileName) => {
        const driveId = get().reg.driveId;
        if (!driveId) return;
        const read = await call('register', 'busy.readToken', () => api['handoff.readToken']({ driveId, file: fileName }));
        if (read) tokenLoaded(read, fileName);
      },
      readPastedToken: async () => {
        const text = get().reg.pasted;
        const read = await call('register', 'busy.readToken', () => api['handoff.readTokenText']({ text }));
        if (read) tokenLoaded(read);
      },
      warmUp: async () => {
        if (get().reg.account) await api['azure.warmUp']({});
      },
      prepare: async () => {
        const { subscriptionId, resourceGroup, registrationName } = get().reg;
        if (!subscriptionId) return;
        const names = { subscriptionId, resourceGroup: resourceGroup.trim(), registrationName: registrationName.trim() };
        const read = await call('register', 'busy.prepare', () => api['azure.prepare'](names));
        const now = get().reg;
        // Kept only while the names are still those it was read for.
        if (read && now.subscriptionId === subscriptionId && now.resourceGroup.trim() === names.resourceGroup) {
          patch({ locations: read.locations, permissions: read.permissions });
        }
      },
      checkPermissions: async () => {
        const { subscriptionId, resourceGroup } = get().reg;
        if (!subscriptionId) return;
        const permissions = await call('register', 'busy.permissions', () =>
          api['azure.permissions']({ subscriptionId, resourceGroup: resourceGroup.trim() }),
        );
        if (permissions) patch({ permissions });
      },
      createRole: async () => {
        const subscriptionId = get().reg.subscriptionId;
        if (!subscriptionId) return;
        const role = await call('register', 'busy.createRole', () => api['azure.createRole']({ subscriptionId }));
        if (!role) return;
        patch({ roleCreated: role.roleName });
        await get().checkPermissions();
      },
      register: async () => {
        const { handoffId, subscriptionId, resourceGroup, location, registrationName } = get().reg;
        if (!handoffId || !subscriptionId) return;
        const started = await call('register', 'busy.startRegistration', () =>
          api['operation.start']({
            kind: 'azure.register',
            handoffId,
            subscriptionId,
            resourceGroup: resourceGroup.trim(),
            location,
            registrationName: registrationName.trim(),
          }),
        );
        if (!started) return;
        patch({ operationId: started.operationId, saved: undefined });
        await get().syncOperations();
      },
      saveKey: async () => {
        const { handoffId, driveId } = get().reg;
        if (!handoffId || !driveId) return;
        const saved = await call('register', 'busy.saveKey', () => api['handoff.saveKey']({ handoffId, driveId }));
        if (!saved) return;
        patch({ saved });
        await get().refreshHandoffs();
      },
    };
  };
