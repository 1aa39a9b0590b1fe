import { MediaSizeField } from './media-size-field.tsx';
import type { SectionProps } from './options-api.ts';
import { OptionsSection } from './options-section.tsx';
import { ToggleField } from './toggle-field.tsx';

export function PrivacySection({ settings, onChange }: SectionProps) {
  return (
    <OptionsSection
      id="privacy"
      title="Privacy"
      description="Origin Lens never sends the address of the page you are on to anyone. These settings decide what the requests it does make carry."
    >
      <ToggleField
        label="Fetch images without cookies"
        description="Images from other sites are fetched again to hash their exact bytes. Without cookies, the image host cannot tell the request apart from any other visitor's. Turn this off only for images that need a login to load."
        checked={settings.omitCredentials}
        onChange={(omitCredentials) => onChange({ ...settings, omitCredentials })}
      />
      <ToggleField
        label="Resolve remote Content Credentials"
        description="Some images keep their Content Credentials on a separate server. Fetching them (without cookies) lets Origin Lens check those images, but the manifest's host sees the request and can tell which image you looked at."
        checked={settings.remoteManifests}
        onChange={(remoteManifests) => onChange({ ...settings, remoteManifests })}
      />
      <ToggleField
        label="Fetch remote Content Credentials from other hosts automatically"
        description="Off: Origin Lens asks only the image's own server. A manifest kept on another host (named by the image or its server) is fetched when you press “Fetch Content Credentials from …” on the evidence page. On: any host an image names learns, automatically, that you looked at it with Origin Lens."
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
