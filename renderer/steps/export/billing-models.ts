import type { BillingModel } from '../../../shared/domain';

// Disconnected stamps report no usage to Azure, so only models that bill by capacity or not at all fit.
// Ruggedized is guidance, not a choice: such stamps register disconnected as Capacity with their asset tag.
// Words are in the catalogues (`billing.models.<model>`).
export const OFFERED: Record<BillingModel, boolean> = {
  Capacity: true,
  Development: true,
  Custom: true,
  Ruggedized: false,
  PayAsYouUse: false,
};

export const MODEL_ORDER: BillingModel[] = ['Capacity', 'Development', 'Custom', 'Ruggedized', 'PayAsYouUse'];
