import type { Screen } from '../store';
import { appStore, useApp } from '../store';

const TASKS: Record<'stamp' | 'host', { screen: Screen; label: string }[]> = {
  stamp: [
    { screen: 'export', label: '1. Export the token' },
    { screen: 'activate', label: '3. Activate the stamp' },
    { screen: 'deactivate', label: 'Remove activation' },
  ],
  host: [
    { screen: 'register', label: '2. Register in Azure' },
    { screen: 'unregister', label: 'Unregister' },
    { screen: 'move', label: 'Move' },
  ],
};

/** The tasks for this side of the air gap, plus the hand-off record, the settings and (practice) the scenarios. */
export function SideNav() {
  const side = useApp((s) => s.side);
  const screen = useApp((s) => s.screen);
  const practice = useApp((s) => s.info?.mode === 'practice');
  const open = appStore.getState().open;
  const item = (target: Screen, label: string) => (
    <li key={target}>
      <button
        type="button"
        className="nav-item"
        aria-current={screen === target ? 'page' : undefined}
        onClick={() => open(target)}
      >
        {label}
      </button>
    </li>
  );
  return (
    <nav className="side-nav" aria-label="Tasks">
      {side && (
        <p className="side-label">
          This machine: <strong>{side === 'stamp' ? 'Stamp side' : 'Connected host'}</strong>
        </p>
      )}
      <ul>
        {side && TASKS[side].map((t) => item(t.screen, t.label))}
        {item('handoffs', 'Hand-offs')}
        {item('settings', 'Settings')}
        {practice && item('practice', 'Practice scenarios')}
      </ul>
      {side && (
        <button type="button" className="link-button" onClick={() => appStore.getState().chooseSide(null)}>
          Change side
        </button>
      )}
    </nav>
  );
}
