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

/**
 * The packages a module reaches through its static imports, following the project's own files (relative and
 * `@/` paths). Type-only imports are left out: the build erases them.
 */
function packagesReachedFrom(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const resolveFile = (path: string) =>
    [path, `${path}.ts`, `${path}.tsx`, join(path, 'index.ts')].find((p) => {
      try {
        return statSync(join(ROOT, p)).isFile();
      } catch {
        return false;
      }
    });
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = read(file);
    for (const m of text.matchAll(/^import\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/gm)) {
      const [, typeOnly, clause = '', spec = ''] = m;
      const named = clause.match(/^\{([^}]*)\}$/s)?.[1];
      const allTypes = named?.split(',').every((n) => !n.trim() || /^type\s/.test(n.trim()));
      if (typeOnly || allTypes) continue;
      if (spec.startsWith('.') || spec.startsWith('@/')) {
        const base = spec.startsWith('@/') ? spec.slice(2) : join(file, '..', spec);
        const target = resolveFile(base.replace(/\.tsx?$/, '')) ?? resolveFile(base);
        if (target) visit(target);
      } else {
        packages.add(
          spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec),
        );
      }
    }
  };
  visit(entry);
  return packages;
}

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

  it('keeps viem out of the content script, which starts on every page (issue 14: a fifth of its bundle, and Keccak set up on load)', () => {
    const reached = packagesReachedFrom('entrypoints/content.ts');
    expect(reached).toContain('valibot');
    expect([...reached].filter((p) => p === 'viem' || p.startsWith('@noble/'))).toEqual([]);
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
