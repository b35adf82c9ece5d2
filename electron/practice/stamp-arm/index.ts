export { PRACTICE_STAMP_DIRECTORY, PRACTICE_STAMP_OPERATOR, startPracticeStampArm, type PracticeStampArm } from './practice-stamp-arm';
