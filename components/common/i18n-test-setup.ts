import { localeTranslate } from '../../lib/i18n/locale-file.ts';
import { setFallbackTranslate } from './i18n.ts';

// Vitest setup: components rendered in Node speak English from locales/en.yml, the browser's default locale.
setFallbackTranslate(await localeTranslate('en'));
