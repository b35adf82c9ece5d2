// Microsoft Learn sections for each step and screen: the only addresses the app opens, in the
// operator's browser (main opens them; the renderer never navigates anywhere).

const REG = 'https://learn.microsoft.com/azure-stack/operator/azure-stack-registration?pivots=state-disconnected';

export const HELP_TOPICS = {
  preflight: 'https://learn.microsoft.com/azure-stack/operator/azure-stack-privileged-endpoint#access-the-privileged-endpoint',
  pep: 'https://learn.microsoft.com/azure-stack/operator/azure-stack-privileged-endpoint',
  billing: 'https://learn.microsoft.com/azure-stack/operator/azure-stack-billing-and-chargeback',
  token: `${REG}#get-a-registration-token`,
  register: `${REG}#connect-to-azure-and-register`,
  permissions: 'https://learn.microsoft.com/azure-stack/operator/azure-stack-registration-role',
  key: `${REG}#retrieve-an-activation-key-from-azure-registration-resource`,
  activate: `${REG}#create-an-activation-resource-in-azure-stack-hub`,
  renew: `${REG}#renew-or-change-registration`,
  move: `${REG}#move-a-registration-resource`,
  registration: REG,
  verify: `${REG}#verify-azure-stack-hub-registration`,
} as const;
export type HelpTopic = keyof typeof HELP_TOPICS;
export const isHelpTopic = (v: unknown): v is HelpTopic => typeof v === 'string' && Object.hasOwn(HELP_TOPICS, v);
