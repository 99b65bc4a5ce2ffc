// What readSheetText tells the clerk: what it read with confidence, what it guessed and
// what it could not place, each item with its place on the sheet and a sentence in
// Japanese with English beside it.

export interface Item {
  /** 1-based page of the sheet (a page starts at each 【Plan】 header). */
  page?: number;
  /** 1-based line of the text. */
  line?: number;
  /** The row's No. */
  no?: number;
  /** What the item is about: `policy`, `summary`, `indicators[1].targets`, `budgets` … */
  field?: string;
  /** `日本語 / English` */
  message: string;
}

export interface SheetReport {
  confident: Item[];
  guessed: Item[];
  unplaced: Item[];
}

export interface Place {
  page?: number;
  line?: number;
  no?: number;
}

/** Collects items as the reader goes; places are copied so later edits do not leak. */
export class Reporter {
  readonly report: SheetReport = { confident: [], guessed: [], unplaced: [] };

  confident(place: Place, field: string | undefined, japanese: string, english: string): void {
    this.report.confident.push(item(place, field, japanese, english));
  }
  guessed(place: Place, field: string | undefined, japanese: string, english: string): void {
    this.report.guessed.push(item(place, field, japanese, english));
  }
  unplaced(place: Place, field: string | undefined, japanese: string, english: string): void {
    this.report.unplaced.push(item(place, field, japanese, english));
  }
}

function item(place: Place, field: string | undefined, japanese: string, english: string): Item {
  const out: Item = { message: `${japanese} / ${english}` };
  if (place.page !== undefined) out.page = place.page;
  if (place.line !== undefined) out.line = place.line;
  if (place.no !== undefined) out.no = place.no;
  if (field !== undefined) out.field = field;
  return out;
}

/** `p.3 l.41 No.5 summary` — the place of an item as one short string, for printing. */
export function placeOf(item: Item): string {
  const parts: string[] = [];
  if (item.page !== undefined) parts.push(`p.${item.page}`);
  if (item.line !== undefined) parts.push(`l.${item.line}`);
  if (item.no !== undefined) parts.push(`No.${item.no}`);
  if (item.field !== undefined) parts.push(item.field);
  return parts.join(' ');
}

/** The report as plain text: counts, then each guessed and unplaced item (confident ones counted only). */
export function formatSheetReport(report: SheetReport): string {
  const lines = [
    `確実に読めた項目 / Read with confidence: ${report.confident.length}`,
    `推定した項目 / Guessed: ${report.guessed.length}`,
    ...report.guessed.map((i) => `  ${placeOf(i)}: ${i.message}`),
    `配置できなかった項目 / Could not place: ${report.unplaced.length}`,
    ...report.unplaced.map((i) => `  ${placeOf(i)}: ${i.message}`),
  ];
  return `${lines.join('\n')}\n`;
}
