import { ExportDiagnostics } from '../components/export-diagnostics';
import { Facts } from '../components/facts';
import { Screen } from '../components/screen';
import { useTranslation } from '../i18n';
import { useApp } from '../store';

/** Open-source components shipped in the app, with their licenses (package.json pins the versions). */
const COMPONENTS: [name: string, license: string][] = [
  ['Electron', 'MIT'],
  ['React', 'MIT'],
  ['zustand', 'MIT'],
  ['zod', 'MIT'],
  ['i18next, react-i18next', 'MIT'],
  ['Azure SDK for JavaScript (@azure/*)', 'MIT'],
  ['jose', 'MIT'],
  ['fflate', 'MIT'],
  ['selfsigned', 'MIT'],
];

/** Version, mode and licenses. */
export function AboutScreen() {
  const { t } = useTranslation();
  const info = useApp((s) => s.info);
  return (
    <Screen name="about" title={t('about.title')} what={t('about.what')} help="registration">
      <Facts
        label={t('about.title')}
        rows={[
          [t('about.version'), info?.version, 'about-version'],
          [t('about.mode'), info ? t(`mode.${info.mode}.title`) : undefined],
          [t('about.license'), 'MIT'],
        ]}
      />
      <ExportDiagnostics />
      <h3>{t('about.components')}</h3>
      <table data-testid="about-components">
        <thead>
          <tr>
            <th scope="col">{t('about.component')}</th>
            <th scope="col">{t('about.license')}</th>
          </tr>
        </thead>
        <tbody>
          {COMPONENTS.map(([name, license]) => (
            <tr key={name}>
              <td>{name}</td>
              <td>{license}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Screen>
  );
}
