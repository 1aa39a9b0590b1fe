import type { SectionProps } from './options-api.ts';
import { OptionsSection } from './options-section.tsx';
import { ToggleField } from './toggle-field.tsx';

export function DisplaySection({ settings, onChange }: SectionProps) {
  return (
    <OptionsSection id="display" title="Display">
      <ToggleField
        label="Show badges on images"
        description="Draws a small badge on each checked image while you browse. The popup works either way."
        checked={settings.overlay}
        onChange={(overlay) => onChange({ ...settings, overlay })}
      />
      <ToggleField
        label="Also show “no provenance” badges"
        description="Most images on the web have no Content Credentials and no registry record; their grey badge is hidden by default to keep pages readable."
        checked={settings.showNoProvenance}
        onChange={(showNoProvenance) => onChange({ ...settings, showNoProvenance })}
      />
    </OptionsSection>
  );
}
