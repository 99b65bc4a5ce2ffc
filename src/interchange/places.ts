// Where a reader read each value (its provenance), by change path (change-path.ts), so that a
// preview lists beside each changed value the cell or line it came from (workflow.md: "path
// (and cell or line), before, after"): `年度別!E12` in a workbook, `12行目 / line 12` in a
// CSV. A reader keeps only what it has anyway — a record's row, a field's cell — and a
// change is placed at its own path or, failing that, at the nearest record above it.
import type { HyokaDocument } from '../domain/model.js';
import { recordKeyOf } from './change-set.js';
import { childPath } from './change-path.js';
import { appendIndex, appendKey } from './json-path.js';
import { RECORD_FIELDS, type RecordName } from './record-fields.js';

/** The place of a change path, or undefined where the reader does not know one. */
export type PlaceOf = (path: string) => string | undefined;

/** Places by change path, each path answered by itself or its nearest ancestor. */
export function placesByPath(places: ReadonlyMap<string, string>): PlaceOf {
  return (path) => {
    for (let at = path; ; ) {
      const place = places.get(at);
      if (place !== undefined) return place;
      const cut = at.lastIndexOf('/');
      if (cut < 0) return undefined;
      at = at.slice(0, cut);
    }
  };
}

/**
 * Places a reader kept by JSON path (`projects[3].indicators[0].periods[1].actual`, as the
 * workbook's assembler has them) for the document it read, answered by change path: each
 * record's row and each of its value fields' cells. Worked out at the first question: an
 * import that lists no change (a plain import, not a preview) never pays for it.
 */
export function placesOfDocument(doc: HyokaDocument, byJsonPath: ReadonlyMap<string, string>): PlaceOf {
  let placeOf: PlaceOf | undefined;
  return (path) => (placeOf ??= placesByPath(keyedPlaces(doc, byJsonPath)))(path);
}

function keyedPlaces(doc: HyokaDocument, byJsonPath: ReadonlyMap<string, string>): Map<string, string> {
  const places = new Map<string, string>();
  const visit = (name: RecordName, record: Record<string, unknown>, jsonPath: string, path: string) => {
    const own = byJsonPath.get(jsonPath);
    if (own !== undefined && path !== '') places.set(path, own);
    const fields = RECORD_FIELDS[name];
    for (const value of fields.values) {
      const place = byJsonPath.get(appendKey(jsonPath, value.name));
      if (place !== undefined) places.set(childPath(path, value.name), place);
    }
    for (const list of fields.lists) {
      const items = record[list.name];
      if (!Array.isArray(items)) continue;
      const listJson = appendKey(jsonPath, list.name);
      const listPath = childPath(path, list.name);
      items.forEach((item: Record<string, unknown>, index) => {
        const element = list.element as Parameters<typeof recordKeyOf>[0];
        visit(element, item, appendIndex(listJson, index), `${listPath}/${recordKeyOf(element, item)}`);
      });
    }
  };
  visit('document', doc as unknown as Record<string, unknown>, '', '');
  for (const head of ['organization', 'plan', 'settings'] as const) {
    for (const value of RECORD_FIELDS[head].values) {
      const place = byJsonPath.get(appendKey(head, value.name));
      if (place !== undefined) places.set(`${head}/${value.name}`, place);
    }
  }
  return places;
}
