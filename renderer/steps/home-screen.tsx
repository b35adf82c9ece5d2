import { appStore } from '../store';

/** First question: where does this machine stand in the disconnected flow? */
export function HomeScreen() {
  const choose = appStore.getState().chooseSide;
  return (
    <section className="home" aria-labelledby="home-title">
      <h2 id="home-title">Where is this machine?</h2>
      <p className="step-what">
        Registering a disconnected Azure Stack Hub takes three legs: export a token on the stamp side, register it on a
        connected host, and bring the activation key back to the stamp.
      </p>
      <div className="sides">
        <button type="button" className="side-card" onClick={() => choose('stamp')} data-testid="side-stamp">
          <strong>Stamp side</strong>
          <span>This machine reaches the stamp's privileged endpoint (ERCS VMs). Export the registration token, or activate the stamp with the key.</span>
        </button>
        <button type="button" className="side-card" onClick={() => choose('host')} data-testid="side-host">
          <strong>Connected host</strong>
          <span>This machine reaches Azure. Register the token, get the activation key, or unregister and move registrations.</span>
        </button>
      </div>
    </section>
  );
}
