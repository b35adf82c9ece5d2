import type { Handlers } from '../../shared/contract';
import type { AzureService } from '../azure';
import type { ConnectedRecords } from '../connected';

/** What connected runs left (this machine's record), and Azure re-read for one registration. */
export const connectedHandlers = (azure: AzureService, records: ConnectedRecords): Pick<Handlers, 'connected.records' | 'connected.check'> => ({
  'connected.records': async () => records.list(),
  'connected.check': ({ subscriptionId, resourceGroup, registrationName, principalId }) => azure.connectedState({ subscriptionId, resourceGroup, registrationName }, principalId),
});
