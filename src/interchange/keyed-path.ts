// A problem's path as validation writes it (json-path.ts: `projects[0].indicators[1].periods[0].actual`,
// indices into the document sent) turned into the change log's keyed form (change-path.ts:
// `projects/tabunka/indicators/ninchido/periods/2021/actual`), so a form or an API client
// can place an error beside the field whatever order the lists are in. An index whose record
// has no usable key stays a number.
import { segment } from './change-path.js';
import { KEY_OF, type Listed } from './change-set.js';
import { parsePath } from './json-path.js';
import { RECORD_FIELDS, type RecordName } from './record-fields.js';

type Fields = Record<string, unknown>;

export function keyedPath(document: unknown, jsonPath: string): string {
  const parts: string[] = [];
  let value: unknown = document;
  let record: RecordName | undefined = 'document';
  let element: RecordName | undefined;
  for (const part of parsePath(jsonPath)) {
    if (typeof part === 'number') {
      const item = Array.isArray(value) ? (value[part] as unknown) : undefined;
      parts.push(element !== undefined && element in KEY_OF ? keyOf(element as Listed, item) ?? String(part) : String(part));
      value = item;
      record = element;
      element = undefined;
      continue;
    }
    parts.push(segment(part));
    const list: { element: RecordName } | undefined = record === undefined ? undefined : RECORD_FIELDS[record].lists.find((l) => l.name === part);
    element = list?.element;
    record = record !== undefined && part in SUBRECORDS ? SUBRECORDS[part] : undefined;
    value = value !== null && typeof value === 'object' ? (value as Fields)[part] : undefined;
  }
  return parts.join('/');
}

/** Objects below the document that are records of their own (settings, organization, plan). */
const SUBRECORDS: Readonly<Record<string, RecordName>> = { organization: 'organization', plan: 'plan', settings: 'settings' };

function keyOf(name: Listed, item: unknown): string | undefined {
  if (item === null || typeof item !== 'object') return undefined;
  try {
    const key = KEY_OF[name](item as Fields);
    return key.includes('undefined') ? undefined : key;
  } catch {
    return undefined;
  }
}
