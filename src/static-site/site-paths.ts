// Where each URL of the public site lands in a static copy, and the relative link from one file
// to another. File names are ASCII (a CMS or an old web server may mangle others): a path
// segment keeps [A-Za-z0-9.-] and writes any other byte as _XX, so it never holds "=". A query
// becomes one more segment, name=value pairs joined by ","; the "=" tells it from a path segment.
// Every link names its file (…/index.html), since file:// opens no directory index.
import path from 'node:path';

/** The query parameters of a page that are not part of the file's place: the organization is the copy's own. */
const PLACELESS = new Set(['org']);

/** Paths written under a friendlier folder. */
const FOLDERS: readonly (readonly [string, string])[] = [['/api/v1/export', '/downloads/files']];

const EXTENSIONS: Record<string, string> = {
  'text/html': 'html',
  'text/css': 'css',
  'text/csv': 'csv',
  'application/json': 'json',
  'application/pdf': 'pdf',
  'application/zip': 'zip',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'font/woff2': 'woff2',
  'font/woff': 'woff',
};

/** A path segment or query part as an ASCII file name part; distinct texts stay distinct. */
export function fileSegment(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte);
    const keep = /[A-Za-z0-9-]/.test(char) || (char === '.' && out !== '');
    out += keep ? char : `_${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out === '' ? '_' : out;
}

/** The pathname and the query a link means, with what has no bearing on its file dropped and the rest in name order. */
export function normalizedUrl(href: string): URL {
  const url = new URL(href, 'http://site.invalid');
  for (const name of [...url.searchParams.keys()]) if (PLACELESS.has(name)) url.searchParams.delete(name);
  url.searchParams.sort();
  url.hash = '';
  return url;
}

export interface Answer {
  contentType: string;
  /** The file name a Content-Disposition header gives, if any. */
  fileName?: string;
}

/** The file name in a Content-Disposition header, when it is a plain ASCII one. */
export function dispositionName(header: string | undefined): string | undefined {
  const name = /filename="([A-Za-z0-9._-]+)"/.exec(header ?? '')?.[1];
  return name && !name.startsWith('.') ? name : undefined;
}

function extensionOf(contentType: string): string {
  return EXTENSIONS[contentType.split(';')[0]!.trim().toLowerCase()] ?? 'bin';
}

/**
 * The file (relative to the copy's root, "/"-separated) for a URL and its answer: the folders
 * of its path, its query as one more folder, then the answer's own file name, else index.EXT.
 * `withFormat` keeps ?format= in the query folder: for the rare answer whose name another took.
 */
export function sitePath(href: string, answer: Answer, withFormat = false): string {
  const url = normalizedUrl(href);
  let pathname = url.pathname;
  for (const [from, to] of FOLDERS) if (pathname === from || pathname.startsWith(`${from}/`)) pathname = to + pathname.slice(from.length);
  const folders = pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => fileSegment(safeDecode(segment)));
  const query = [...url.searchParams].filter(([name]) => withFormat || name !== 'format');
  const extension = extensionOf(answer.contentType);
  // A file the site names itself (/assets/site.css) keeps its name; a page is always a folder.
  const named = url.search === '' && extension !== 'html' && answer.fileName === undefined;
  if (named && folders.at(-1)?.endsWith(`.${extension}`)) return folders.join('/');
  if (query.length > 0) folders.push(query.map(([name, value]) => `${fileSegment(name)}=${fileSegment(value)}`).join(','));
  return [...folders, answer.fileName ?? `index.${extension}`].join('/');
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The link from one file of the copy to another (both relative to its root), keeping a #fragment. */
export function relativeLink(from: string, to: string, fragment = ''): string {
  const relative = path.posix.relative(path.posix.dirname(from), to);
  // Our file names are ASCII already; "=" and "," read better left as they are.
  const encoded = relative.split('/').map((part) => encodeURIComponent(part).replaceAll('%3D', '=').replaceAll('%2C', ','));
  return encoded.join('/') + fragment;
}
