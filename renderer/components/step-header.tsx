type Props = { id: string; title: string; what: string; replaces?: string };

/** Step title, one sentence on what happens, and the PowerShell it replaces. */
export function StepHeader({ id, title, what, replaces }: Props) {
  return (
    <header className="step-header">
      <h2 id={id}>{title}</h2>
      <p className="step-what">{what}</p>
      {replaces && (
        <p className="step-replaces">
          Replaces <code>{replaces}</code>
        </p>
      )}
    </header>
  );
}
