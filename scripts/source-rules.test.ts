import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** House rules that a linter does not check, enforced on the source tree itself. */
const ROOT = join(import.meta.dirname, '..');

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) files(path, out);
    else if (/\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const source = (dir: string) => files(dir).filter((f) => !/\.test\.tsx?$/.test(f));

describe('source rules', () => {
  it('keeps lib/ pure: no entrypoints, components or extension APIs', () => {
    const offenders = source('lib').filter((f) =>
      /from ['"](\.\.\/)+(entrypoints|components)\/|from ['"]wxt\/browser['"]|\b(browser|chrome)\.(runtime|tabs|storage|contextMenus|scripting|action)\b/.test(
        read(f),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps lib/ independent of the CLI and the UI: no file in lib/, tests included, imports cli/, entrypoints/ or components/', () => {
    const offenders = files('lib').filter((f) =>
      /(from|import)\s*\(?\s*['"](\.\.\/)+(cli|entrypoints|components)\//.test(read(f)),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps the Node-only adapters (lib/node/) out of the extension', () => {
    const nodeOnly = /(from|import)\s*\(?\s*['"](\.\.?\/)+(lib\/)?node\//;
    const offenders = [
      ...source('entrypoints'),
      ...source('components'),
      // lib/node itself, the test helpers and the anvil chain of the tests run in Node only.
      ...source('lib').filter((f) => !/^lib\/(node|testing)\/|^lib\/chain\/test-chain\.ts$/.test(f)),
    ].filter((f) => nodeOnly.test(read(f)));
    expect(offenders).toEqual([]);
  });

  it('keeps entrypoints thin', () => {
    const long = files('entrypoints')
      .map((f) => [relative(ROOT, join(ROOT, f)), read(f).split('\n').length] as const)
      .filter(([, lines]) => lines > 150);
    expect(long).toEqual([]);
  });

  it('never writes HTML strings into the DOM (web-ext lint accepts only react-dom’s own)', () => {
    const offenders = [...source('lib'), ...source('components'), ...source('entrypoints')].filter((f) =>
      /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(/.test(
        read(f),
      ),
    );
    expect(offenders).toEqual([]);
  });
});
