import type { Api } from '../../shared/contract';
import type { RegistrationStatusView, ReregisterPrefill, StampArmAccount } from '../../shared/domain/registration-status';
import { BILLING_MODELS } from '../../shared/domain/types';
import type { BillingModel } from '../../shared/domain/types';
import { makeCall } from './call';
import type { ConnectedPrefill } from './connected-slice';
import type { Slice } from './types';

/** The registration status screen: the stamp's admin Resource Manager sign-in, both sides as last read, the -Reregister details. */
export type StatusSlice = {
  status: {
    endpoint: string;
    /** The stamp's Azure AD directory (ignored on AD FS stamps). */
    tenant: string;
    account?: StampArmAccount;
    view?: RegistrationStatusView;
    prefill?: ReregisterPrefill;
  };
  setStatus(patch: Partial<Pick<StatusSlice['status'], 'endpoint' | 'tenant'>>): void;
  signInStampArm(method: 'browser' | 'device-code'): Promise<void>;
  cancelStampArmSignIn(): Promise<void>;
  signOutStampArm(): Promise<void>;
  /** Both sides afresh (after sign-in, on request, and whenever main says something changed). */
  readStatus(): Promise<void>;
  recoverDetails(): Promise<void>;
  /** Opens the connected registration with the recovered details (-Reregister): a renewal when the stamp's activation expired. */
  reregisterConnected(): void;
};

const billingModelOf = (value: string | undefined): BillingModel | undefined => BILLING_MODELS.find((m) => m.toLowerCase() === value?.toLowerCase());

/** The connected flow's start from what -Reregister recovered: same name and group, the model and flags as they are. */
export const connectedPrefillOf = (prefill: ReregisterPrefill, expired: boolean): ConnectedPrefill => {
  const billingModel = billingModelOf(prefill.billingModel);
  return {
    purpose: expired && billingModel === 'Capacity' ? 'renew' : 'change',
    subscriptionId: prefill.subscriptionId,
    resourceGroup: prefill.resourceGroup,
    registrationName: prefill.registrationName,
    ...(prefill.location ? { location: prefill.location } : {}),
    choices: {
      ...(billingModel ? { billingModel } : {}),
      usageReportingEnabled: prefill.usageReportingEnabled,
      marketplaceSyndicationEnabled: prefill.marketplaceSyndicationEnabled,
    },
    previous: { registrationName: prefill.registrationName, resourceGroup: prefill.resourceGroup, ...(expired ? { expired } : {}) },
  };
};

export const statusSlice =
  (api: Api): Slice<StatusSlice> =>
  (set, get) => {
    const call = makeCall(set, get);
    const patch = (p: Partial<StatusSlice['status']>) => set((s) => ({ status: { ...s.status, ...p } }));
    /** The stamp's cloud ID, when a privileged endpoint session read it: Azure's answer is then checked against this stamp. */
    const cloudId = () => get().stamp.info?.cloudId;
    return {
      status: { endpoint: '', tenant: '' },
      setStatus: (p) => patch(p),
      signInStampArm: async (method) => {
        const { endpoint, tenant } = get().status;
        patch({ account: undefined, view: undefined, prefill: undefined });
        const account = await call('status', 'status.busy.signIn', () =>
          api['stampArm.signIn']({ endpoint: endpoint.trim(), method, ...(tenant.trim() ? { tenant: tenant.trim() } : {}) }),
        );
        // A device code shown for this sign-in (main's azure.deviceCode event) is spent either way.
        set((s) => ({ reg: { ...s.reg, deviceCode: undefined } }));
        if (!account) return;
        patch({ account });
        await get().readStatus();
      },
      cancelStampArmSignIn: async () => {
        await api['stampArm.cancelSignIn']({});
      },
      signOutStampArm: async () => {
        await call('status', 'status.busy.signOut', () => api['stampArm.signOut']({}));
        patch({ account: undefined, view: undefined, prefill: undefined });
      },
      readStatus: async () => {
        const id = cloudId();
        const view = await call('status', 'status.busy.read', () => api['status.read'](id ? { cloudId: id } : {}));
        if (!view) return;
        // Main no longer holds the sign-in (mode or scenario changed): the screen asks for it again.
        const gone = view.stampProblem?.code === 'stamp-arm-not-signed-in';
        patch({ view, ...(gone ? { account: undefined } : {}), prefill: undefined });
      },
      reregisterConnected: () => {
        const { prefill, view } = get().status;
        if (!prefill) return;
        get().openConnected(connectedPrefillOf(prefill, view?.comparison?.stampState === 'expired'));
      },
      recoverDetails: async () => {
        const id = cloudId();
        const prefill = await call('status', 'status.busy.recover', () => api['status.prefill'](id ? { cloudId: id } : {}));
        if (prefill) patch({ prefill });
      },
    };
  };
