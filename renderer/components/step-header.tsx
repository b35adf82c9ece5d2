import { useEffect, useRef } from 'react';
import { useTranslation } from '../i18n';

type Props = { id: string; title: string; what: string; replaces?: string };

/** Step title, one sentence on what happens, and the PowerShell it replaces. */
export function StepHeader({ id, title, what, replaces }: Props) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // A new step takes focus, so keyboard and screen-reader users start reading at its title.
  useEffect(() => heading.current?.focus(), []);
  return (
    <header className="step-header">
      <h2 id={id} ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <p className="step-what">{what}</p>
      {replaces && (
        <p className="step-replaces">
          {t('common.replaces')} <code>{replaces}</code>
        </p>
      )}
    </header>
  );
}
