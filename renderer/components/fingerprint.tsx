import { useTranslation } from '../i18n';
import { CopyButton } from './copy-button';

type Props = { label: string; value: string; testId: string };

/** Large, spaced and monospaced so two people can read it aloud across the air gap. */
export function Fingerprint({ label, value, testId }: Props) {
  const { t } = useTranslation();
  return (
    <div className="fingerprint">
      <span className="fingerprint-label">{label}</span>
      <output className="fingerprint-value" data-testid={testId} aria-label={t('common.labelled', { label, value: value.split('').join(' ') })}>
        {value}
      </output>
      <CopyButton value={value} what={label} />
    </div>
  );
}
