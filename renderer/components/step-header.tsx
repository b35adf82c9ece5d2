import { useEffect, useRef } from 'react';
import type { HelpTopic } from '../../shared/domain/help';
import { useTranslation } from '../i18n';
import { appStore } from '../store';
import { CopyButton } from './copy-button';

type Props = { id: string; title: string; what: string; replaces?: string; help?: HelpTopic };

/** Step title, one sentence on what happens, and the PowerShell it replaces. */
export function StepHeader({ id, title, what, replaces, help }: Props) {
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
      {(replaces || help) && (
        <p className="step-replaces">
          {replaces && (
            <>
              {t('common.replaces')} <code>{replaces}</code> <CopyButton value={replaces} what={t('common.replaces')} />
            </>
          )}
          {help && (
            <button type="button" className="link-button help-link" onClick={() => void appStore.getState().openHelp(help)}>
              {t('common.help', { title })}
            </button>
          )}
        </p>
      )}
    </header>
  );
}
