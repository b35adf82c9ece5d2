import type { PracticeScenario } from '../../shared/contract';
import { parseResourceId } from '../../shared/domain/ids';
import type { FaultSpec, PracticeAzureSettings } from './azure';
import { EA_SUBSCRIPTION } from './scenario';
import type { PracticeStamp, PracticeStampState } from './stamp';

// What the status screen meets in practice (PRACTICE_STATUS_REHEARSALS): a stamp activated before
// the rehearsal (its record written into the practice stamp, as the real stamp keeps it), and the
// practice Azure as that registration's story left it.

type Rehearsal = PracticeScenario['statusRehearsal'];
type Activation = NonNullable<PracticeStampState['activation']>;

const DAY_MS = 24 * 3600_000;
/** The directory the EA subscription moved to in "directory changed". */
const OTHER_DIRECTORY = '9b0f3c1e-2d4a-4e6b-8c7d-5a1f2e3d4c6b';

/** The record's time format: no offset (samples/azurebridge-activation-get.json). */
const recordTime = (d: Date): string => d.toISOString().slice(0, 19);

/** A Capacity registration in the EA subscription's `azurestack` group, made with the stamp's cloud ID. */
const earlierActivation = (state: PracticeStampState, now: Date): Activation => ({
  record: {
    id: `/subscriptions/${state.defaultProviderSubscriptionId}/resourceGroups/azurestack-activation/providers/Microsoft.AzureBridge.Admin/activations/default`,
    name: 'default',
    type: 'Microsoft.AzureBridge.Admin/activations',
    location: 'local',
    properties: {
      azureRegistrationResourceIdentifier: `/subscriptions/${EA_SUBSCRIPTION}/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/AzureStack-${state.cloudId}`,
      displayName: 'Azure Stack Activation',
      expiration: recordTime(new Date(now.getTime() + 365 * DAY_MS)),
      marketplaceSyndicationEnabled: true,
      usageReportingEnabled: false,
      provisioningState: 'Succeeded',
    },
  },
  activatedAt: new Date(now.getTime() - 30 * DAY_MS).toISOString(),
  billingModel: 'Capacity',
});

/** Writes the stamp's side of the rehearsal now; returns the practice Azure's side, for when it starts. */
export const rehearseStatus = async (
  stamp: Pick<PracticeStamp, 'state' | 'setActivation'>,
  rehearsal: Rehearsal,
  now: Date,
): Promise<{ azure: Pick<PracticeAzureSettings, 'registrations' | 'azureStackRegisteredIn'>; faults: FaultSpec[] }> => {
  if (rehearsal === 'as-practised') return { azure: { registrations: [], azureStackRegisteredIn: [] }, faults: [] };
  const state = await stamp.state();
  await stamp.setActivation((current) => {
    const activation = current ?? earlierActivation(state, now);
    if (rehearsal !== 'expired') return activation;
    // The key's expiry passed a month ago.
    return { ...activation, record: { ...activation.record, properties: { ...activation.record.properties, expiration: recordTime(new Date(now.getTime() - 30 * DAY_MS)) } } };
  });
  const { activation } = await stamp.state();
  const id = parseResourceId(activation?.record.properties.azureRegistrationResourceIdentifier ?? '');
  if (!activation || !id) return { azure: { registrations: [], azureStackRegisteredIn: [] }, faults: [] };
  // Deleted: the subscription held it, so Microsoft.AzureStack stays registered there.
  if (rehearsal === 'resource-deleted') return { azure: { registrations: [], azureStackRegisteredIn: [id.subscriptionId] }, faults: [] };
  const registration = {
    subscriptionId: id.subscriptionId,
    resourceGroup: rehearsal === 'moved' ? `${id.resourceGroup}-moved` : id.resourceGroup,
    location: 'westcentralus',
    name: id.name,
    cloudId: state.cloudId,
    billingModel: activation.billingModel ?? 'Development',
    usageReportingEnabled: activation.record.properties.usageReportingEnabled,
    marketplaceSyndicationEnabled: activation.record.properties.marketplaceSyndicationEnabled,
    locked: true,
  };
  const faults: FaultSpec[] =
    rehearsal === 'directory-changed'
      ? [{ kind: 'wrong-tenant', pathPattern: new RegExp(`^/subscriptions/${id.subscriptionId}(/|$)`, 'i'), tenant: OTHER_DIRECTORY, times: Number.MAX_SAFE_INTEGER }]
      : [];
  return { azure: { registrations: [registration], azureStackRegisteredIn: [] }, faults };
};
