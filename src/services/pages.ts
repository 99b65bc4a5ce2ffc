// What the pages (src/http/pages) use beside their view models (services/views/): the
// document's sheet rows, the profile, and values written as the sheet prints them. Pages
// import these from here, never from domain or interchange themselves.
export type { HyokaDocument } from '../domain/model.js';
export { formatFiscalYear } from '../domain/era.js';
export { resolveProfile } from '../domain/profile.js';
export { rowSdgs } from '../domain/row-fields.js';
export { DASH, formatAmount, formatNumber, formatSdgs } from '../domain/written.js';
export { defaultSheetYear, sheetEntries, sheetOf, type Sheet, type SheetEntry, type SheetFilter, type SheetIndicator } from '../interchange/sheet-rows.js';
