import type { HandoffFile } from '../../shared/domain';
import { say, useTranslation } from '../i18n';
import { problemMessage } from './problem-box';
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
/** Why a file cannot be used, in the UI language (its code's words, else main's English). */
const fileProblem = (f: HandoffFile): string | undefined => {
  const why = f.problemSaid;
  if (!why) return f.problem;
  return 'problem' in why ? problemMessage(why.problem, f.problem ?? '') : say(why);
};

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
          {f.problem && <p className="hint">{fileProblem(f)}</p>}
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
