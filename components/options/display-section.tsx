import { t } from '../common/i18n.ts';
import type { SectionProps } from './options-api.ts';
import { OptionsSection } from './options-section.tsx';
import { ToggleField } from './toggle-field.tsx';

export function DisplaySection({ settings, onChange }: SectionProps) {
  return (
    <OptionsSection id="display" title={t('options.display.title')}>
      <ToggleField
        label={t('options.display.overlay')}
        description={t('options.display.overlayHelp')}
        checked={settings.overlay}
        onChange={(overlay) => onChange({ ...settings, overlay })}
      />
      <ToggleField
        label={t('options.display.noProvenance')}
        description={t('options.display.noProvenanceHelp')}
        checked={settings.showNoProvenance}
        onChange={(showNoProvenance) => onChange({ ...settings, showNoProvenance })}
      />
    </OptionsSection>
  );
}
