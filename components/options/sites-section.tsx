import { normalizeSite } from '../../lib/settings/settings.ts';
import type { SectionProps } from './options-api.ts';
import { OptionsSection } from './options-section.tsx';
import { StringListEditor } from './string-list-editor.tsx';

export function SitesSection({ settings, onChange }: SectionProps) {
  return (
    <OptionsSection
      id="sites"
      title="Sites where Origin Lens is off"
      description="On these sites (and their subdomains) nothing is scanned, hashed or looked up."
    >
      <StringListEditor
        entries={settings.disabledSites}
        emptyText="None: Origin Lens runs on every site."
        label="Site to turn off"
        placeholder="example.com"
        normalize={(draft) => normalizeSite(draft) ?? undefined}
        invalidText="Enter a site such as example.com or https://news.example.com."
        sort
        onChange={(disabledSites) => onChange({ ...settings, disabledSites })}
      />
    </OptionsSection>
  );
}
