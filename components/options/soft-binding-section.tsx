import { normalizeEndpoint } from '../../lib/recover/soft-binding-client.ts';
import { t } from '../common/i18n.ts';
import type { SectionProps } from './options-api.ts';
import { OptionsSection } from './options-section.tsx';
import { StringListEditor } from './string-list-editor.tsx';

/** User-chosen C2PA Soft Binding Resolution API endpoints (none by default), asked only from the details page. */
export function SoftBindingSection({ settings, onChange }: SectionProps) {
  return (
    <OptionsSection
      id="soft-binding"
      title={t('options.softBinding.title')}
      description={t('options.softBinding.help')}
    >
      <StringListEditor
        entries={settings.softBindingEndpoints}
        emptyText={t('options.none')}
        label={t('options.softBinding.label')}
        placeholder="https://resolver.example/v1"
        normalize={normalizeEndpoint}
        invalidText={t('options.softBinding.invalid')}
        onChange={(softBindingEndpoints) => onChange({ ...settings, softBindingEndpoints })}
      />
    </OptionsSection>
  );
}
