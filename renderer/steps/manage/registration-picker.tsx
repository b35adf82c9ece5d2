import type { RegistrationInfo } from '../../../shared/domain';
import { PickTable } from '../../components/pick-table';
import type { PickColumn } from '../../components/pick-table';
import { useTranslation } from '../../i18n';
import { appStore, useApp } from '../../store';

/** "List registrations" and the list; choosing one fills in its name and resource group. */
export function RegistrationPicker() {
  const { t } = useTranslation();
  const columns: PickColumn<RegistrationInfo>[] = [
    {
      title: t('manage.name'),
      cell: (r) => (
        <>
          <code>{r.name}</code>
          {r.locked && <span className="tag">{t('manage.lockedTag')}</span>}
        </>
      ),
    },
    { title: t('facts.resourceGroup'), cell: (r) => r.resourceGroup },
    { title: t('facts.cloudId'), cell: (r) => r.cloudId ?? '—' },
    { title: t('manage.billing'), cell: (r) => r.billingModel ?? '—' },
  ];
  const items = useApp((s) => s.mng.registrations);
  const chosen = useApp((s) => s.mng.registrationName);
  const busy = useApp((s) => s.busy.manage !== undefined);
  return (
    <>
      <button type="button" className="secondary" disabled={busy} onClick={() => void appStore.getState().loadRegistrations()}>
        {t('manage.list')}
      </button>
      {items.length === 0 ? (
        <p className="hint">{t('manage.none')}</p>
      ) : (
        <PickTable
          items={items}
          columns={columns}
          keyOf={(r) => r.id}
          nameOf={(r) => r.name}
          current={(r) => r.name === chosen}
          action={t('common.choose')}
          onPick={(r) => appStore.getState().setManage({ registrationName: r.name, resourceGroup: r.resourceGroup })}
          className="registrations"
          testId="registrations"
        />
      )}
    </>
  );
}
