import { isHandoffPurpose } from '../../shared/domain';
import type { HandoffPurpose } from '../../shared/domain';
import { useTranslation } from '../i18n';

/**
 * What a hand-off is for, as a tag. Journal entries of earlier versions have none, and one a newer
 * version wrote may name a purpose this one does not know: both are shown as not recorded.
 */
export function PurposeTag({ purpose, testId }: { purpose: HandoffPurpose | undefined; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className="tag" data-testid={testId}>
      {isHandoffPurpose(purpose) ? t(`lifecycle.purposes.${purpose}`) : t('lifecycle.purposeNotRecorded')}
    </span>
  );
}
