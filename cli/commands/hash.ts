import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { fingerprintImage } from '../../lib/fingerprint/fingerprint-image.ts';
import { fingerprintText } from '../../lib/fingerprint/fingerprint-text.ts';
import { decodeImageNode } from '../../lib/node/decode-image-node.ts';
import { MAX_LOCAL_FILE_BYTES, readLocalFile, readLocalText } from '../../lib/node/read-local-file.ts';
import { findTextBlocks } from '../../lib/scan/text-blocks.ts';
import type { HashRow } from '../../lib/schemas/cli-output-schemas.ts';
import type { CliCommand } from '../cli-io.ts';
import { fail, parseCommandArgs } from '../command-args.ts';

const USAGE = `Usage: origin-lens hash <file>... | --text "<text>" | --text-file F | --html F [--json]`;

/**
 * `hash <file>... [--json]` → per file `{ source, sha256, pdq, pdqQuality, pdqError? }`;
 * `hash --text "<text>"` or `--text-file F` → `{ source, sha256Collapsed, isccText, isccTextHex, characters }`;
 * `hash --html F` → the same per paragraph of the page (`source` is `F#n`), split as the extension splits it.
 * The JSON contract is lib/schemas/cli-output-schemas.ts, published in schemas/hash-output.schema.json.
 */
export const run: CliCommand = async (argv, io) => {
  const args = parseCommandArgs(argv, io, {
    command: 'hash',
    usage: USAGE,
    options: {
      json: { type: 'boolean' },
      text: { type: 'string' },
      'text-file': { type: 'string' },
      html: { type: 'string' },
    },
  });
  if (args.exit !== undefined) return args.exit;
  const { values, positionals } = args;
  const out: HashRow[] = [];
  let failed = false;
  const texts: Array<[string, string]> = [];
  if (values.text !== undefined) texts.push(['--text', values.text]);
  if (values['text-file'])
    texts.push([values['text-file'], await readLocalText(resolve(io.cwd, values['text-file']))]);
  if (values.html) {
    const html = await readLocalText(resolve(io.cwd, values.html));
    const blocks = findTextBlocks(parseHTML(html).document);
    if (blocks.length === 0) {
      failed = true;
      out.push({ source: values.html, error: 'no paragraphs found in this HTML page' });
    }
    blocks.forEach((b, i) => {
      texts.push([`${values.html}#${i + 1}`, b.text]);
    });
  }
  for (const [source, text] of texts) {
    try {
      const f = await fingerprintText(text);
      out.push({
        source,
        sha256Collapsed: f.sha256Collapsed,
        isccText: f.isccText,
        isccTextHex: f.isccTextHex,
        characters: f.characters,
      });
    } catch (error) {
      failed = true;
      out.push({ source, error: (error as Error).message });
    }
  }
  for (const file of positionals) {
    try {
      const bytes = await readLocalFile(resolve(io.cwd, file), MAX_LOCAL_FILE_BYTES);
      const f = await fingerprintImage(bytes, '', decodeImageNode);
      out.push({
        source: file,
        sha256: f.sha256,
        pdq: f.pdq?.hash ?? null,
        pdqQuality: f.pdq?.quality ?? null,
        ...(f.pdqError ? { pdqError: f.pdqError } : {}),
        ...(f.width ? { width: f.width, height: f.height } : {}),
      });
    } catch (error) {
      failed = true;
      out.push({ source: file, error: (error as Error).message });
    }
  }
  if (out.length === 0) {
    return fail(io, 'hash', 'give files, --text, --text-file or --html');
  }
  if (values.json) io.stdout(JSON.stringify(out, null, 2));
  else {
    for (const row of out) {
      io.stdout(
        `${Object.entries(row)
          .map(([k, v]) => `${k}: ${v}`)
          .join('\n')}\n`,
      );
    }
  }
  return failed ? 1 : 0;
};
