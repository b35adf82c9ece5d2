import type { Gate } from '../../shared/domain/flow';
import { say, useTranslation } from '../i18n';
import type { TFunction } from 'i18next';

/** Why Continue is disabled: a catalogue key, or a sentence of the billing rules. */
export const gateReason = (t: TFunction, reason: Extract<Gate, { ok: false }>['reason']): string => (typeof reason === 'string' ? t(reason) : say(reason));

type Props = { gate: Gate; onBack?: () => void; onNext?: () => void };

/** Back keeps every input; Continue says why it is disabled. */
export function NavButtons({ gate, onBack, onNext }: Props) {
  const { t } = useTranslation();
  return (
    <div className="nav-buttons">
      {onBack && (
        <button type="button" className="secondary" onClick={onBack} data-testid="back">
          {t('common.back')}
        </button>
      )}
      {onNext && (
        <>
          <button
            type="button"
            className="primary"
            onClick={onNext}
            aria-describedby={gate.ok ? undefined : 'gate-reason'}
            data-testid="continue"
            disabled={!gate.ok}
          >
            {t('common.continue')}
          </button>
          {!gate.ok && (
            <span id="gate-reason" className="gate-reason">
              {gateReason(t, gate.reason)}
            </span>
          )}
        </>
      )}
    </div>
  );
}
