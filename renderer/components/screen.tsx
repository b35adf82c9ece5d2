import type { ReactNode } from 'react';
import type { HelpTopic } from '../../shared/domain/help';
import { StepHeader } from './step-header';

type Props = {
  /** Names the heading (`<name>-title`) and the test hook (`<name>-screen`). */
  name: string;
  title: string;
  what: string;
  replaces?: string;
  help?: HelpTopic;
  children: ReactNode;
};

/** A screen outside the guided flows: one section, labelled by its header. */
export function Screen({ name, title, what, replaces, help, children }: Props) {
  return (
    <section className="step" aria-labelledby={`${name}-title`} data-testid={`${name}-screen`}>
      <StepHeader id={`${name}-title`} title={title} what={what} {...(replaces ? { replaces } : {})} {...(help ? { help } : {})} />
      {children}
    </section>
  );
}
