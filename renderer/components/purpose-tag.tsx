import type { HandoffPurpose } from '../../shared/domain';
import { useTranslation } from '../i18n';

/** What a hand-off is for, as a tag (journal entries of earlier versions have none: shown as not recorded). */
export function PurposeTag({ purpose, testId }: { purpose: HandoffPurpose | undefined; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className="tag" data-testid={testId}>
      {purpose ? t(`lifecycle.purposes.${purpose}`) : t('lifecycle.purposeNotRecorded')}
    </span>
  );
}
