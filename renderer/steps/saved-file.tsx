import type { SavedFile } from '../../shared/domain';
import { useTranslation } from '../i18n';
import { formatNumber } from '../i18n/format';

/** Where a file went, and that it was read back. */
export function SavedFileNote({ saved, what }: { saved: SavedFile; what: string }) {
  const { t } = useTranslation();
  return (
    <p className="ok-line" data-testid="saved-file" data-bytes={saved.bytes} role="status">
      {t('files.saved', { what, path: saved.path, bytes: formatNumber(saved.bytes), metadata: saved.metadataFileName })}
    </p>
  );
}
