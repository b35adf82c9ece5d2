import type { HandoffFile } from '../../shared/domain';
import { useTranslation } from '../i18n';
import { PickTable } from './pick-table';
import type { PickColumn } from './pick-table';

type Props = {
  files: HandoffFile[];
  current?: string;
  disabled: boolean;
  action: string;
  onPick: (name: string) => void;
  onRefresh: () => void;
};

/** Hand-off files on a drive, with what our metadata says about them. */
export function FileList({ files, current, disabled, action, onPick, onRefresh }: Props) {
  const { t } = useTranslation();
  const columns: PickColumn<HandoffFile>[] = [
    {
      title: t('files.file'),
      cell: (f) => (
        <>
          <code>{f.name}</code>
          {f.practice && <span className="tag">{t('common.practiceTag')}</span>}
        </>
      ),
    },
    {
      title: t('files.kind'),
      cell: (f) => (
        <>
          {t(`files.kinds.${f.kind}`)}
          {f.problem && <p className="hint">{f.problem}</p>}
        </>
      ),
    },
    { title: t('facts.cloudId'), cell: (f) => f.cloudId ?? '—' },
    { title: t('files.fingerprint'), cell: (f) => f.fingerprint ?? '—', className: 'nowrap' },
  ];
  return (
    <div className="files">
      {files.length === 0 ? (
        <p className="hint">{t('files.none')}</p>
      ) : (
        <PickTable
          items={files}
          columns={columns}
          keyOf={(f) => f.name}
          nameOf={(f) => f.name}
          current={(f) => f.name === current}
          action={action}
          onPick={(f) => onPick(f.name)}
          disabled={disabled}
          caption={t('files.caption')}
        />
      )}
      <button type="button" className="link-button" onClick={onRefresh}>
        {t('files.refresh')}
      </button>
    </div>
  );
}
