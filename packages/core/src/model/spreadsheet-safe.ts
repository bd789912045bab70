/**
 * Spreadsheet-safe CSV cells (formula injection, OWASP "CSV injection"): a text cell that begins
 * with `=`, `+`, `-`, `@`, a tab or a carriage return would be run as a formula by Excel,
 * LibreOffice or Google Sheets, so it is written with a leading apostrophe. Plain numbers stay
 * as they are (`-5`, `+3.2`, `1e5` are numbers to a spreadsheet, not formulas). Reading undoes
 * exactly one apostrophe, so writing then reading gives back the original text.
 */

const TRIGGER = /^'*[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$/;

/**
 * The text to write in a CSV cell.
 * @example spreadsheetSafe("=HYPERLINK(\"http://x\")") // "'=HYPERLINK(\"http://x\")"
 * @example spreadsheetSafe("-12.5") // "-12.5"
 */
export function spreadsheetSafe(text: string): string {
  return TRIGGER.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/**
 * The original text of a cell written by {@link spreadsheetSafe}.
 * @example fromSpreadsheetSafe("'=1+1") // "=1+1"
 */
export function fromSpreadsheetSafe(text: string): string {
  return text.startsWith("'") && TRIGGER.test(text) && !PLAIN_NUMBER.test(text.slice(1)) ? text.slice(1) : text;
}
