import { useTranslation } from '../i18n';
import { KeyExpectedList } from '../components/key-expected';
import { appStore } from '../store';

/** First question: where does this machine stand in the disconnected flow? */
export function HomeScreen() {
  const { t } = useTranslation();
  const choose = appStore.getState().chooseSide;
  return (
    <section className="home" aria-labelledby="home-title">
      <h2 id="home-title">{t('home.title')}</h2>
      <p className="step-what">{t('home.what')}</p>
      <div className="sides">
        <button type="button" className="side-card" onClick={() => choose('stamp')} data-testid="side-stamp">
          <strong>{t('sides.stamp')}</strong>
          <span>{t('home.stamp')}</span>
        </button>
        <button type="button" className="side-card" onClick={() => choose('host')} data-testid="side-host">
          <strong>{t('sides.host')}</strong>
          <span>{t('home.host')}</span>
        </button>
      </div>
      <p className="step-what">{t('connected.home.what')}</p>
      <button type="button" className="side-card" onClick={() => appStore.getState().openConnected()} data-testid="open-connected">
        <strong>{t('connected.home.title')}</strong>
        <span>{t('connected.home.text')}</span>
      </button>
      <p>
        <button type="button" className="link-button" onClick={() => appStore.getState().open('status')} data-testid="home-status">
          {t('status.fromHome')}
        </button>
      </p>
      <KeyExpectedList />
    </section>
  );
}
