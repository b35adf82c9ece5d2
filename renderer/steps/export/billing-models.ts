import type { BillingModel } from '../../../shared/domain';

type ModelText = { title: string; text: string; offered: boolean };

// Disconnected stamps report no usage to Azure, so only models that bill by capacity or not at all fit.
export const MODEL_TEXT: Record<BillingModel, ModelText> = {
  Capacity: {
    title: 'Capacity',
    text: 'Billed per core through your Enterprise Agreement. Needs the EA agreement number. Usage reporting is always off.',
    offered: true,
  },
  Development: {
    title: 'Development',
    text: 'For the development kit (ASDK) and test stamps. No agreement number.',
    offered: true,
  },
  Custom: {
    title: 'Custom',
    text: 'Agreed with Microsoft for special contracts. Needs the MS asset tag and stamp version 1.1912.0.19 or later.',
    offered: true,
  },
  Ruggedized: {
    title: 'Ruggedized',
    text: 'Ruggedized stamps register disconnected as Capacity: choose Capacity and enter both the EA agreement number and the MS asset tag printed on the product.',
    offered: true,
  },
  PayAsYouUse: {
    title: 'Pay as you use',
    text: 'Not available for a disconnected stamp: usage cannot reach Azure.',
    offered: false,
  },
};

export const MODEL_ORDER: BillingModel[] = ['Capacity', 'Development', 'Custom', 'Ruggedized', 'PayAsYouUse'];
