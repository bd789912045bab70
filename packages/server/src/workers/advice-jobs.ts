/** The pool job writing the budget advice list as xlsx (issue 17), off the event loop like every export. */
import type { Diagnostic } from "@jixiao/core";
import { type BudgetAdviceSheet, writeBudgetAdviceXlsx } from "@jixiao/formats/xlsx/write-budget-advice-xlsx.ts";

export async function writeBudgetAdviceJob(
  sheet: BudgetAdviceSheet,
): Promise<{ value: Uint8Array | null; diagnostics: Diagnostic[] }> {
  try {
    return { value: await writeBudgetAdviceXlsx(sheet), diagnostics: [] };
  } catch (e) {
    return {
      value: null,
      diagnostics: [
        {
          code: "export.failed",
          severity: "error",
          message: "导出失败",
          messageEn: `Export failed: ${(e as Error).message}`,
        },
      ],
    };
  }
}
