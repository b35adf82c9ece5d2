import type { Gate } from '../../shared/domain/flow';

type Props = { gate: Gate; onBack?: () => void; onNext?: () => void; nextLabel?: string };

/** Back keeps every input; Continue says why it is disabled. */
export function NavButtons({ gate, onBack, onNext, nextLabel = 'Continue' }: Props) {
  return (
    <div className="nav-buttons">
      {onBack && (
        <button type="button" className="secondary" onClick={onBack} data-testid="back">
          Back
        </button>
      )}
      {onNext && (
        <>
          <button
            type="button"
            className="primary"
            onClick={onNext}
            disabled={!gate.ok}
            aria-describedby={gate.ok ? undefined : 'gate-reason'}
            data-testid="continue"
          >
            {nextLabel}
          </button>
          {!gate.ok && (
            <span id="gate-reason" className="gate-reason">
              {gate.reason}
            </span>
          )}
        </>
      )}
    </div>
  );
}
