// The blank template to download and fill: the data workbook's sheets with no data rows,
// drop-down lists (grades and courses of the organization's profile, target kinds…), the
// header rows and computed columns locked while data cells stay editable, and a sheet of
// instructions (記入方法). read-workbook.ts imports it filled.
import type ExcelJS from 'exceljs';
import type { Organization, Settings } from '../../domain/model.js';
import { resolveProfile } from '../../domain/profile.js';
import { settingsRows } from './data-rows.js';
import { buildDataWorkbook, toBuffer } from './data-workbook.js';
import { instructionLines } from './instructions.js';
import {
  ACHIEVED_LABELS,
  BASIS_LABELS,
  BETTER_LABELS,
  CHOICES_SHEET,
  type ChoiceList,
  EMPTY_LIST,
  INSTRUCTIONS_SHEET,
  SETTINGS_TABLE,
  TABLES,
  TARGET_KIND_LABELS,
} from './tables.js';

export interface TemplateOptions {
  /** The organization's settings (overrides of the default profile): they give the drop-down lists and are written to 設定. */
  settings?: Settings;
  organization?: Organization;
}

/** Data rows a clerk can fill under each header with drop-downs and unlocked cells. */
export const TEMPLATE_ROWS = 1000;

export async function writeTemplate(options: TemplateOptions = {}): Promise<Buffer> {
  const profile = resolveProfile(options.settings);
  const rows = { Settings: settingsRows({ organization: options.organization ?? { name: '' }, ...(options.settings && { settings: options.settings }) }) };
  if (!options.organization) rows.Settings[0]!.value = undefined; // 団体名: for the clerk to write
  const workbook = buildDataWorkbook(rows);
  const choices: Record<ChoiceList, readonly string[]> = {
    grades: profile.grades,
    courses: profile.courses,
    targetKinds: Object.values(TARGET_KIND_LABELS),
    better: Object.values(BETTER_LABELS),
    basis: Object.values(BASIS_LABELS),
    achieved: Object.values(ACHIEVED_LABELS),
    own: [EMPTY_LIST],
  };
  const ranges = addChoicesSheet(workbook, choices);
  for (const spec of TABLES) {
    const sheet = workbook.getWorksheet(spec.sheet)!;
    const isSettings = spec === SETTINGS_TABLE;
    const lastRow = isSettings ? sheet.rowCount : TEMPLATE_ROWS + 1;
    spec.columns.forEach((column, index) => {
      const number = index + 1;
      // Only the value column of 設定 is the clerk's; its keys and labels stay as written.
      const editable = column.kind !== 'computed' && (!isSettings || column.name === 'value');
      // The column's style covers the empty cells below; cells already written get it too.
      sheet.getColumn(number).protection = { locked: !editable };
      for (let row = 2; row <= sheet.rowCount; row++) sheet.getCell(row, number).protection = { locked: !editable };
      sheet.getCell(1, number).protection = { locked: true };
      if (column.choices) {
        const validations = (sheet as unknown as { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
        const letter = sheet.getColumn(number).letter;
        validations.add(`${letter}2:${letter}${lastRow}`, {
          type: 'list',
          allowBlank: true,
          formulae: [ranges[column.choices]],
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: '一覧から選んでください / choose from the list',
          error: `「${column.header}」は一覧から選んでください / choose a value from the list`,
        });
      }
    });
    await sheet.protect('', {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      insertRows: true,
      deleteRows: true,
      sort: true,
      autoFilter: true,
    });
  }
  addInstructions(workbook);
  return toBuffer(workbook);
}

/** The lists behind the drop-downs, one column each, on a hidden sheet; returns each list's range. */
function addChoicesSheet(workbook: ExcelJS.Workbook, choices: Record<ChoiceList, readonly string[]>): Record<ChoiceList, string> {
  const sheet = workbook.addWorksheet(CHOICES_SHEET, { state: 'hidden' });
  const ranges = {} as Record<ChoiceList, string>;
  (Object.keys(choices) as ChoiceList[]).forEach((name, index) => {
    const column = sheet.getColumn(index + 1);
    column.values = [name, ...choices[name]];
    ranges[name] = `'${CHOICES_SHEET}'!$${column.letter}$2:$${column.letter}$${choices[name].length + 1}`;
  });
  return ranges;
}

function addInstructions(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet(INSTRUCTIONS_SHEET, { views: [{ showGridLines: false }] });
  sheet.getColumn(1).width = 120;
  for (const line of instructionLines()) {
    const row = sheet.addRow([line.text]);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    if (line.heading) row.getCell(1).font = { bold: true, size: 13 };
  }
  (sheet as unknown as { orderNo: number }).orderNo = -1; // the instructions come first when the workbook opens
}
