import type { Problem, ProblemCode } from '../../shared/contract';
import { i18n, useTranslation } from '../i18n';

type Props = { problem: Problem; onDismiss?: () => void };

const hasWordsFor = (code: ProblemCode): boolean => i18n.language !== 'en' && i18n.exists(`problems.${code}.message`, { lng: i18n.language, fallbackLng: [] });

/** What a problem of this code says, in the UI language; main's English where the catalogue has no words for it. */
export const problemMessage = (code: ProblemCode, english: string): string => (hasWordsFor(code) ? i18n.t(`problems.${code}.message`) : english);

/** A problem's message and action in the UI language (main's own words where the catalogue has none). */
export const problemWords = (problem: Problem): { translated: boolean; message: string; action: string | undefined } => {
  const key = `problems.${problem.code}`;
  const translated = hasWordsFor(problem.code);
  return {
    translated,
    message: translated ? i18n.t(`${key}.message`) : problem.message,
    action: translated && i18n.exists(`${key}.action`) ? i18n.t(`${key}.action`) : problem.action,
  };
};

/** Main's own English (when the UI shows a translation), the reference and the raw detail, one click away. */
export function ProblemDetails({ problem, translated }: { problem: Problem; translated: boolean }) {
  const { t } = useTranslation();
  if (!translated && !problem.detail && !problem.reference) return null;
  return (
    <details className="problem-detail">
      <summary>{t('problem.details')}</summary>
      {translated && (
        <p>
          {problem.message} {problem.action}
        </p>
      )}
      {problem.reference && (
        <p>
          {t('problem.reference')} <code>{problem.reference}</code>
        </p>
      )}
      {problem.detail && <pre>{problem.detail}</pre>}
    </details>
  );
}

/**
 * What went wrong, what to do, and the raw text one click away. Main's problems carry a code: where the
 * catalogue of the UI language has that code, its words are shown (main's English stays under the
 * details); otherwise main's own message is.
 */
export function ProblemBox({ problem, onDismiss }: Props) {
  const { t } = useTranslation();
  const { translated, message, action } = problemWords(problem);
  return (
    <div className="problem" role="alert" data-testid="problem" data-code={problem.code}>
      <p className="problem-message">{message}</p>
      {action && <p className="problem-action">{action}</p>}
      <ProblemDetails problem={problem} translated={translated} />
      {onDismiss && (
        <button type="button" className="link-button" onClick={onDismiss}>
          {t('common.dismiss')}
        </button>
      )}
    </div>
  );
}
