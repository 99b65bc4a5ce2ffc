// Writing an open-data edition to a directory (the one part of open data that touches the
// file system; the CLI and tests call it, the API sends zipFiles' bytes instead).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { OpenDataFile } from './files.js';

/** Writes each file under `directory` (created as needed); a path that would leave it is refused. */
export async function saveOpenData(directory: string, files: readonly OpenDataFile[]): Promise<string[]> {
  const root = resolve(directory);
  const written: string[] = [];
  for (const file of files) {
    const target = resolve(join(root, file.path));
    if (!target.startsWith(root + sep)) throw new RangeError(`${file.path} would be written outside ${root}`);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.bytes);
    written.push(target);
  }
  return written;
}
