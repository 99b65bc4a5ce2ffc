// A published sheet's text layer, line by line: each line's cells as the PDF tool wrote
// them (tab-separated, many empty), with the column each cell stood in. Columns drift from
// page to page, so readers use them only relative to a label cell on the same line.

export interface Cell {
  /** 0-based position among the line's tab-separated fields, empty ones included. */
  col: number;
  /** Trimmed, never empty. */
  text: string;
}

export interface SheetLine {
  /** 1-based line number in the text. */
  line: number;
  /** 1-based page: a new page starts at each 【Plan】 header. */
  page: number;
  cells: Cell[];
}

const PAGE_HEADER = /【\s*Plan\s*】/u;

/** Every non-blank line with its non-empty cells; pages counted from the headers. */
export function tokenize(text: string): SheetLine[] {
  const lines: SheetLine[] = [];
  let page = 0;
  text.split(/\r\n|\r|\n/u).forEach((raw, index) => {
    const cells: Cell[] = [];
    raw.split('\t').forEach((field, col) => {
      const trimmed = field.replace(/[\s\u3000]+/gu, ' ').trim();
      if (trimmed !== '') cells.push({ col, text: trimmed });
    });
    if (cells.length === 0) return;
    if (cells.some((c) => PAGE_HEADER.test(c.text))) page += 1;
    lines.push({ line: index + 1, page: Math.max(page, 1), cells });
  });
  return lines;
}

/** Text with every space removed: for comparing labels and reading figures. */
export function compact(text: string): string {
  return text.replace(/[\s\u3000]+/gu, '');
}
