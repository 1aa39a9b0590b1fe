import { normalizeEndpoint } from '../../lib/recover/soft-binding-client.ts';
import type { SectionProps } from './options-api.ts';
import { OptionsSection } from './options-section.tsx';
import { StringListEditor } from './string-list-editor.tsx';

/** User-chosen C2PA Soft Binding Resolution API endpoints (none by default), asked only from the details page. */
export function SoftBindingSection({ settings, onChange }: SectionProps) {
  return (
    <OptionsSection
      id="soft-binding"
      title="Content Credentials resolution services (optional)"
      description="Services that implement the C2PA Soft Binding Resolution API can find the Content Credentials of an image from its pixels (a watermark or a fingerprint). Asking one uploads the image to it, so Origin Lens never does it on its own: the details page offers a button for each service you add here."
    >
      <StringListEditor
        entries={settings.softBindingEndpoints}
        emptyText="None."
        label="Resolution service endpoint (URL)"
        placeholder="https://resolver.example/v1"
        normalize={normalizeEndpoint}
        invalidText="Enter the API’s base address, such as https://resolver.example/v1."
        onChange={(softBindingEndpoints) => onChange({ ...settings, softBindingEndpoints })}
      />
    </OptionsSection>
  );
}
