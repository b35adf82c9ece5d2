import { useEffect, useRef, useState } from 'react';
import { ARCHIVE_REASONS, HANDOFF_PAGE_SIZE, archiveReasonOf, isArchived } from '../../shared/domain';
import type { ArchiveReason } from '../../shared/domain';
import type { HandoffSummary } from '../../shared/domain/types';
import { ConfirmDialog } from '../components/confirm-dialog';
import { CopyButton } from '../components/copy-button';
import { historyNote } from '../components/history-note';
import { ActivateButton } from '../components/key-expected';
import { SaveRecord } from '../components/save-record';
import { ScopeProblem } from '../components/scope-problem';
import { Screen } from '../components/screen';
import { useTranslation } from '../i18n';
import { formatDateTime } from '../i18n/format';
import { appStore, useApp } from '../store';
import { keyExpected } from '../store/nav-slice';
import { PurposeTag } from '../components/purpose-tag';

/** A history note as the operator reads it, in the UI language. */
function HistoryNote({ step }: { step: HandoffSummary['history'][number] }) {
  const { t } = useTranslation();
  const text = historyNote(t, step);
  return text ? <span className="muted"> — {text}</span> : null;
}

/** Asks why a hand-off will never complete; its token and key stay kept, so it can come back. */
function ArchiveDialog({ handoff, onClose }: { handoff: HandoffSummary | undefined; onClose(): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<ArchiveReason>('abandoned');
  const [detail, setDetail] = useState('');
  const close = () => {
    setReason('abandoned');
    setDetail('');
    onClose();
  };
  return (
    <ConfirmDialog
      open={handoff !== undefined}
      titleId="archive-dialog-title"
      title={t('navigation.archiveAsk', { cloudId: handoff?.cloudId ?? '' })}
      confirmLabel={t('navigation.archive')}
      cancelLabel={t('navigation.keepOpen')}
      onCancel={close}
      onConfirm={() => {
        if (handoff) void appStore.getState().archiveHandoff(handoff.id, reason, detail);
        close();
      }}
    >
      <fieldset className="archive-reasons">
        <legend>{t('navigation.reason')}</legend>
        {ARCHIVE_REASONS.map((r) => (
          <label key={r} className="choice">
            <input type="radio" name="archive-reason" value={r} checked={reason === r} onChange={() => setReason(r)} />
            {t(`navigation.reasons.${r}`)}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>{t('navigation.detail')}</span>
        <input value={detail} maxLength={500} onChange={(e) => setDetail(e.target.value)} />
      </label>
      <p className="hint">{handoff?.keyFingerprint ? t('navigation.archiveKeepsBoth') : t('navigation.archiveKeepsToken')}</p>
    </ConfirmDialog>
  );
}

/**
 * How many of the finished hand-offs are listed, and "Show older" while some are not (a connected
 * host keeps thousands: main reads only the ones listed). Once they all are, focus moves from the
 * vanished button to the sentence that says so.
 */
function FinishedPaging() {
  const { t } = useTranslation();
  const { total, shown, wanted } = useApp((s) => s.finishedHandoffs);
  const busy = useApp((s) => s.busy.shell !== undefined);
  const status = useRef<HTMLParagraphElement>(null);
  const [asked, setAsked] = useState(false);
  const more = shown < total;
  useEffect(() => {
    if (asked && !more) status.current?.focus();
  }, [asked, more]);
  if (!more && wanted <= HANDOFF_PAGE_SIZE) return null;
  return (
    <div className="handoff-paging">
      <p role="status" tabIndex={-1} ref={status} data-testid="finished-paging">
        {more ? t('journalPage.showing', { shown, total }) : t('journalPage.all', { total })}
      </p>
      {more && (
        <button
          type="button"
          className="secondary"
          disabled={busy}
          data-testid="show-older"
          onClick={() => {
            setAsked(true);
            void appStore.getState().showOlderHandoffs();
          }}
        >
          {t('journalPage.showOlder')}
        </button>
      )}
    </div>
  );
}

/** Every round trip across the air gap this machine knows, and where it stands. */
export function HandoffsScreen() {
  const { t } = useTranslation();
  const handoffs = useApp((s) => s.handoffs);
  const [showArchived, setShowArchived] = useState(false);
  const [archiving, setArchiving] = useState<string>();
  useEffect(() => {
    void appStore.getState().refreshHandoffs();
  }, []);
  const archivedCount = handoffs.filter(isArchived).length;
  const shown = handoffs.filter((h) => showArchived || !isArchived(h));
  return (
    <Screen name="handoffs" title={t('handoffs.title')} what={t('handoffs.what')}>
      <ScopeProblem scope="shell" />
      {handoffs.length === 0 && <p className="hint">{t('handoffs.none')}</p>}
      {archivedCount > 0 && (
        <label className="choice">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} data-testid="show-archived" />
          {t('navigation.showArchived', { count: archivedCount })}
        </label>
      )}
      <ul className="handoffs">
        {[...shown]
          .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
          .map((h) => {
            const archived = isArchived(h) ? archiveReasonOf(h.history.findLast(isArchived)?.note) : undefined;
            return (
              <li key={h.id} className={isArchived(h) ? 'handoff handoff-archived' : 'handoff'} data-testid="handoff">
                <div className="handoff-head">
                  <strong>{h.registrationName ?? t('handoffs.stamp', { cloudId: h.cloudId })}</strong>
                  <span className="tag">{t(`sides.${h.side}`)}</span>
                  <PurposeTag purpose={h.purpose} testId="handoff-purpose" />
                  {h.practice && <span className="tag">{t('common.practiceTag')}</span>}
                  <span className={h.complete ? 'status status-succeeded' : isArchived(h) ? 'status' : 'status status-running'}>
                    {t(`stages.${h.stage}`)}
                  </span>
                </div>
                <p className="muted handoff-ids">
                  {/* Each value stays whole on its line, with its copy button. */}
                  <span className="nowrap">
                    <span data-testid="handoff-cloud-id">{t('handoffs.cloudId', { cloudId: h.cloudId })}</span>
                    <CopyButton value={h.cloudId} what={t('facts.cloudId')} />
                  </span>
                  {h.tokenFingerprint && (
                    <>
                      {' · '}
                      <span className="nowrap">
                        <span data-testid="handoff-token-fingerprint">{t('handoffs.token', { fingerprint: h.tokenFingerprint })}</span>
                        <CopyButton value={h.tokenFingerprint} what={t('facts.tokenFingerprint')} />
                      </span>
                    </>
                  )}
                  {h.keyFingerprint && (
                    <>
                      {' · '}
                      <span className="nowrap">
                        <span data-testid="handoff-key-fingerprint">{t('handoffs.key', { fingerprint: h.keyFingerprint })}</span>
                        <CopyButton value={h.keyFingerprint} what={t('facts.keyFingerprint')} />
                      </span>
                    </>
                  )}
                </p>
                {archived && (
                  <p data-testid="archive-reason">
                    {t('navigation.archivedBecause', { reason: t(`navigation.reasons.${archived.reason}`) })}
                    {archived.detail && <span className="muted"> — {archived.detail}</span>}
                  </p>
                )}
                {keyExpected(h) && (
                  <div className="handoff-close">
                    <p className="hint">{t('navigation.keyExpectedHint')}</p>
                    <ActivateButton handoffId={h.id} />
                  </div>
                )}
                {h.side === 'stamp' && h.stage === 'activating' && (
                  <div className="handoff-close">
                    <p className="hint">{t('handoffs.activationUnknown')}</p>
                    <button type="button" className="secondary" onClick={() => void appStore.getState().confirmActivated(h.id)}>
                      {t('handoffs.portalShows')}
                    </button>
                  </div>
                )}
                {h.side === 'host' && h.stage === 'key-saved' && (
                  <div className="handoff-close">
                    <p className="hint">{t('handoffs.keeps')}</p>
                    <button type="button" className="secondary" onClick={() => void appStore.getState().confirmActivated(h.id)}>
                      {t('handoffs.close')}
                    </button>
                  </div>
                )}
                <div className="handoff-actions">
                  {!h.complete && !isArchived(h) && (
                    <button type="button" className="link-button" onClick={() => setArchiving(h.id)} data-testid="archive-handoff">
                      {t('navigation.archiveEllipsis')}
                    </button>
                  )}
                  {isArchived(h) && (
                    <button type="button" className="link-button" onClick={() => void appStore.getState().restoreHandoff(h.id)} data-testid="restore-handoff">
                      {t('navigation.restore')}
                    </button>
                  )}
                </div>
                <SaveRecord handoffId={h.id} compact />
                <details>
                  <summary>{t('handoffs.history')}</summary>
                  <ol className="history">
                    {h.history.map((e) => (
                      <li key={`${e.stage}-${e.at}`}>
                        <time dateTime={e.at}>{formatDateTime(e.at)}</time> {t(`stages.${e.stage}`)}
                        <HistoryNote step={e} />
                      </li>
                    ))}
                  </ol>
                  {h.files.length > 0 && (
                    <ul className="files-written" aria-label={t('handoffs.files')}>
                      {h.files.map((f) => (
                        <li key={f}>
                          <code>{f}</code>
                        </li>
                      ))}
                    </ul>
                  )}
                </details>
              </li>
            );
          })}
      </ul>
      <FinishedPaging />
      <ArchiveDialog handoff={handoffs.find((h) => h.id === archiving)} onClose={() => setArchiving(undefined)} />
    </Screen>
  );
}
