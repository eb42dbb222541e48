// Reading a packaged .vsix (a zip) and the files its package.json names, for the
// packaging test: no zip library, only the central directory and zlib.
import * as fs from 'fs';
import * as zlib from 'zlib';

/** The entries of a zip file by name (files only), each able to give its bytes. */
export function zipEntries(file: string): Map<string, () => Buffer> {
  const zip = fs.readFileSync(file);
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries = new Map<string, () => Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${i}`);
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (name.endsWith('/')) continue;
    entries.set(name, () => {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data);
    });
  }
  return entries;
}

// Manifest keys whose string values (or nested light/dark/hc variants) are files of the extension.
const PATH_KEYS = new Set(['icon', 'image', 'svg', 'markdown', 'path', 'configuration', 'fontPath', 'url', 'light', 'dark', 'hc', 'hcLight', 'main', 'browser', 'l10n']);
// Top-level fields that name files the installed extension or the marketplace reads ("bin" is the CLI's, not shipped).
const ROOT_FIELDS = ['main', 'browser', 'icon', 'l10n', 'contributes'];

/** Every local file package.json names: icons, walkthrough media, schemas, grammars, entry points (`./` stripped). */
export function manifestFiles(manifest: Record<string, unknown>): string[] {
  const found = new Set<string>();
  const visit = (value: unknown, key: string | undefined): void => {
    if (typeof value === 'string') {
      // `$(codicon)` names a product icon; `scheme:` (https:, genesys-call-doctor:, command:) is not a file.
      if (key && PATH_KEYS.has(key) && !value.startsWith('$(') && !/^[a-z][\w+.-]*:/i.test(value)) found.add(value.replace(/^\.\//, ''));
    } else if (Array.isArray(value)) {
      for (const v of value) visit(v, key);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, k);
    }
  };
  for (const field of ROOT_FIELDS) visit(manifest[field], field);
  return [...found].sort();
}

/** Width and height of a PNG (its IHDR chunk). */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.readUInt32BE(0) !== 0x89504e47 || png.toString('ascii', 12, 16) !== 'IHDR') throw new Error('not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
