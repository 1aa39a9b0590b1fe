import { t } from '../common/i18n.ts';
import { MediaSizeField } from './media-size-field.tsx';
import type { SectionProps } from './options-api.ts';
import { OptionsSection } from './options-section.tsx';
import { ToggleField } from './toggle-field.tsx';

export function PrivacySection({ settings, onChange }: SectionProps) {
  return (
    <OptionsSection id="privacy" title={t('options.privacy.title')} description={t('options.privacy.help')}>
      <ToggleField
        label={t('options.privacy.omitCredentials')}
        description={t('options.privacy.omitCredentialsHelp')}
        checked={settings.omitCredentials}
        onChange={(omitCredentials) => onChange({ ...settings, omitCredentials })}
      />
      <ToggleField
        label={t('options.privacy.remote')}
        description={t('options.privacy.remoteHelp')}
        checked={settings.remoteManifests}
        onChange={(remoteManifests) => onChange({ ...settings, remoteManifests })}
      />
      <ToggleField
        label={t('options.privacy.remoteAnyHost')}
        description={t('options.privacy.remoteAnyHostHelp')}
        checked={settings.remoteManifestsAnyHost}
        onChange={(remoteManifestsAnyHost) => onChange({ ...settings, remoteManifestsAnyHost })}
      />
      <MediaSizeField
        value={settings.mediaAutoCheckMb}
        onChange={(mediaAutoCheckMb) => onChange({ ...settings, mediaAutoCheckMb })}
      />
    </OptionsSection>
  );
}
