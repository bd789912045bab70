/**
 * ExcelJS 4.4 checks every new merge against every existing one (Worksheet._mergeCellsInternal),
 * so a sheet with M merges costs O(M²) to build *and to load*: a 100,000-row 表12 has ~40,000
 * vertical merges. This replaces that check with a per-sheet index of merged cells — the same
 * result and the same error on overlap, in O(cells merged). Installed once, idempotent.
 */
import ExcelJS from "exceljs";

interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
interface SheetInternals {
  _merges: Record<string, Range>;
  getCell(r: number, c: number): { address: string; merge(master: unknown, ignoreStyle?: boolean): void };
  _mergeCellsInternal(dimensions: Range, ignoreStyle?: boolean): void;
  _unMergeMaster(master: { address: string }): void;
}

const index = new WeakMap<object, Set<number>>();
const key = (r: number, c: number) => r * 20_000 + c;
let installed = false;

/** Installs the indexed merge on ExcelJS's Worksheet prototype (once per process). */
export function installFastMerge(): void {
  if (installed) return;
  installed = true;
  const proto = Object.getPrototypeOf(new ExcelJS.Workbook().addWorksheet("x")) as SheetInternals;
  const originalUnmerge = proto._unMergeMaster;
  proto._mergeCellsInternal = function (this: SheetInternals, d: Range, ignoreStyle?: boolean) {
    let cells = index.get(this);
    if (!cells) {
      cells = new Set();
      for (const m of Object.values(this._merges))
        for (let i = m.top; i <= m.bottom; i++) for (let j = m.left; j <= m.right; j++) cells.add(key(i, j));
      index.set(this, cells);
    }
    for (let i = d.top; i <= d.bottom; i++)
      for (let j = d.left; j <= d.right; j++)
        if (cells.has(key(i, j))) throw new Error("Cannot merge already merged cells");
    const master = this.getCell(d.top, d.left);
    for (let i = d.top; i <= d.bottom; i++)
      for (let j = d.left; j <= d.right; j++) {
        cells.add(key(i, j));
        if (i > d.top || j > d.left) this.getCell(i, j).merge(master, ignoreStyle);
      }
    this._merges[master.address] = d;
  };
  proto._unMergeMaster = function (this: SheetInternals, master: { address: string }) {
    const m = this._merges[master.address];
    const cells = index.get(this);
    if (m && cells)
      for (let i = m.top; i <= m.bottom; i++) for (let j = m.left; j <= m.right; j++) cells.delete(key(i, j));
    originalUnmerge.call(this, master);
  };
}
