// Problems found in a CSV file, with the place a clerk looks for them in a spreadsheet:
// the line of the file (the header is line 1) and the column, as a letter (E) and by its
// header. The path reads `3行目 E列「目標」 / line 3, column E (目標)`.
import type { Problem } from '../messages.js';

export interface CsvPlace {
  /** 1-based line of the file (a cell with line breaks spans several). */
  line?: number;
  /** 1-based column. */
  column?: number;
  header?: string;
}

export interface CsvProblem extends Problem, CsvPlace {}

/** 1 → A, 26 → Z, 27 → AA: the column letters a spreadsheet shows. */
function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A place in the file as problems and previews show it: `3行目 E列「目標」 / line 3, column E (目標)`. */
export function placeText(place: CsvPlace): string {
  const header = place.header === undefined ? '' : `「${place.header}」`;
  const headerEn = place.header === undefined ? '' : ` (${place.header})`;
  if (place.line === undefined) return 'ファイル全体 / whole file';
  if (place.column === undefined) return `${place.line}行目 / line ${place.line}`;
  const letter = columnLetter(place.column);
  return `${place.line}行目 ${letter}列${header} / line ${place.line}, column ${letter}${headerEn}`;
}

export function csvProblem(place: CsvPlace, message: string): CsvProblem {
  const problem: CsvProblem = { path: placeText(place), message };
  if (place.line !== undefined) problem.line = place.line;
  if (place.column !== undefined) problem.column = place.column;
  if (place.header !== undefined) problem.header = place.header;
  return problem;
}

export const both = (japanese: string, english: string) => `${japanese} / ${english}`;
