export { createStampArm, type StampArmDeps, type StampArmService, type StampArmSignIn } from './stamp-arm';
export { systemTrust } from './trust';
