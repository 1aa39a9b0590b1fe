import { normalizeSite } from '../../lib/settings/settings.ts';
import { t } from '../common/i18n.ts';
import type { SectionProps } from './options-api.ts';
import { OptionsSection } from './options-section.tsx';
import { StringListEditor } from './string-list-editor.tsx';

export function SitesSection({ settings, onChange }: SectionProps) {
  return (
    <OptionsSection id="sites" title={t('options.sites.title')} description={t('options.sites.help')}>
      <StringListEditor
        entries={settings.disabledSites}
        emptyText={t('options.sites.empty')}
        label={t('options.sites.label')}
        placeholder="example.com"
        normalize={(draft) => normalizeSite(draft) ?? undefined}
        invalidText={t('options.sites.invalid')}
        sort
        onChange={(disabledSites) => onChange({ ...settings, disabledSites })}
      />
    </OptionsSection>
  );
}
