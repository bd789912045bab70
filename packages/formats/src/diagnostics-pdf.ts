/**
 * The PDF reader's codes (pdf/*.ts), declared once for docs/DIAGNOSTICS.md. The readers still
 * build their messages where they report them; this table says what each code means, with words
 * as the reader prints them (`{name}` for what the case fills in). diagnostics.test.ts checks that
 * every code the package emits is here and that nothing here is emitted by nobody.
 */
import { defineDiagnostics } from "@jixiao/core";

export const PDF_DIAGNOSTICS = defineDiagnostics("@jixiao/formats", "PDF reader", {
  "pdf.unreadable": {
    severity: "error",
    zh: "无法读取 PDF：{reason}",
    en: "Cannot read the PDF: {reason}",
    about: "The file is not a PDF pdf.js can open (damaged, encrypted, not a PDF at all); nothing is read.",
  },
  "pdf.too-many-pages": {
    severity: "error",
    zh: "PDF 有 {total} 页，只读取前 {max} 页",
    en: "The PDF has {total} pages; only the first {max} were read",
    about: "More pages than the reader's page limit; the pages after it are not read, so projects there are missing.",
  },
  "pdf.time-limit": {
    severity: "error",
    zh: "读取 PDF 超过时间上限（{seconds} 秒），第 {from}–{total} 页未读取",
    en: "Reading the PDF took longer than its limit ({seconds} s); pages {from}–{total} were not read",
    about:
      "The file's time budget ran out (a huge or pathological page); the pages named, or the whole file when the reading was stopped, are not read.",
  },
  "pdf.page-unreadable": {
    severity: "error",
    zh: "第 {page} 页无法读取：{reason}",
    en: "Page {page} cannot be read: {reason}",
    about: "pdf.js failed on one page; the other pages are read, this one's rows are missing.",
  },
  "pdf.page-too-complex": {
    severity: "error",
    zh: "第 {page} 页的绘图指令过多或嵌套过深，只读取了一部分",
    en: "Page {page} has too many or too deeply nested drawing operators; only part of it was read",
    about:
      "A page past the reader's operator limits (a guard against hostile files); what was read before the limit is kept.",
  },
  "pdf.font-unmapped": {
    severity: "error",
    zh: "第 {page} 页：字体 {font} 的文字无法还原为字符（缺少可用的 ToUnicode 映射，提取为「{sample}」），这 {chars} 个字未作为数据读取",
    en: 'Page {page}: font {font} has no usable ToUnicode map (its text extracts as "{sample}"); its {chars} characters were not read as data',
    about:
      "The font's glyphs do not map to characters (a subset font without ToUnicode): its text would be garbage, so it is left out; print the table again or export it from the source file.",
  },
  "pdf.page-read": {
    severity: "info",
    zh: "第 {page} 页：按表格线读取（{tables} 个表格）",
    en: "Page {page}: read by its ruling lines ({tables} tables)",
    about:
      "How a page was read: by its ruling lines; with no ruling lines, by text positions (the rows a merged cell spans are then a guess); a scanned image cut at the lines in the image and recognised; or no table on the page.",
  },
  "pdf.no-text": {
    severity: "error",
    zh: "PDF 中没有可读取的文字或表格",
    en: "The PDF has no readable text or table",
    about: "No page has text or a table (an empty print, or a scan read without tesseract); nothing is imported.",
  },
  "pdf.no-projects": {
    severity: "error",
    zh: "PDF 表格中没有读到任何项目",
    en: "No project was read from the PDF's table",
    about:
      "Tables were found but no row reads as a project of a 表12 (another kind of table, or a header the reader does not know).",
  },
  "pdf.pages-tiled": {
    severity: "info",
    zh: "第 {pages} 页是一张宽表分 {strips} 列段打印（{order}），已左右拼接为 {bands} 页",
    en: "Pages {pages} are a wide sheet printed in {strips} column strips ({order}); joined side by side into {bands} pages",
    about:
      "A sheet wider than the paper printed in column strips (calc's down-then-over or Excel's over-then-down); the strips of each band of rows are joined side by side before the cells are cut.",
  },
  "pdf.pages-tiled-doubtful": {
    severity: "warning",
    zh: "第 {pages} 页按同一表格的分列打印拼接，但其中有的页与前一页的行未能对齐，请核对",
    en: "Pages {pages} were joined side by side as column strips of one table, but some did not line up row for row with the page before: check them",
    about:
      "Column strips joined on weak evidence (rows not lined up line for line); check the rows of the pages named.",
  },
  "pdf.layout-guessed": {
    severity: "warning",
    zh: "{cell}：页面没有表格线，这个单元格跨越哪些行是按文字位置推断的（读作「{text}」），请核对",
    en: '{cell}: the page has no ruling lines; the rows this cell spans were inferred from text positions (read as "{text}"); please check',
    about:
      "On a page without ruling lines the extent of a merged cell (project, 一级, 二级) was inferred from where its text lies; flagged on every indicator it spans.",
  },
  "pdf.ocr-unavailable": {
    severity: "error",
    zh: "第 {pages} 页是扫描图像，没有文字层；识别需要 tesseract：请运行 sudo apt-get install tesseract-ocr tesseract-ocr-chi-sim",
    en: "Page(s) {pages} are scanned images with no text layer; reading them needs tesseract: run `sudo apt-get install tesseract-ocr tesseract-ocr-chi-sim`",
    about: "Scanned pages need tesseract with the chi_sim model on the server; without it they are not read.",
  },
  "pdf.ocr-incomplete": {
    severity: "error",
    zh: "第 {pages} 页的文字识别未在时间上限内完成，部分单元格为空",
    en: "Recognising page(s) {pages} did not finish within the time limit; some cells are empty",
    about: "Recognition of scanned pages was stopped at the file's time limit; the cells not yet recognised are empty.",
  },
  "pdf.ocr-low-confidence": {
    severity: "warning",
    zh: "{cell}：识别把握不大（{confidence}%），读作「{text}」，请核对",
    en: '{cell}: recognised with low confidence ({confidence}%) as "{text}"; please check',
    about:
      "A scanned cell (or a line above the table) recognised under 90 % confidence that no second reading confirms; flagged on the indicators the cell belongs to, so a reviewer compares it with the paper.",
  },
  "pdf.ocr-repaired": {
    severity: "info",
    zh: "{cell}：识别为「{from}」，按该列词表读作「{to}」，请核对",
    en: '{cell}: recognised as "{from}", read as "{to}" by the column\'s vocabulary; please check',
    about:
      "A recognised cell corrected: a closed-vocabulary word (unit, 一级/二级, direction) two re-readings agree on, or a 分值 the department's weight total decides (a decimal point put back); a weight filled in that was not read at all is a warning.",
  },
  "pdf.ocr-weights-off": {
    severity: "warning",
    zh: "项目「{project}」识别出的各指标分值合计 {sum} 分，本部门其他项目合计 {total} 分：可能有指标行在扫描件中未读出（如跨页被截断的行），或分值识别有误，请对照原件核对该项目的指标",
    en: "Project \"{project}\": the weights recognised add to {sum}; the department's other projects add to {total}: an indicator row may not have been read from the scan (a row cut by a page break) or a weight misread; please check the project's indicators against the original",
    about:
      "A scanned project whose weights do not add up to the department's total: a row cut by a page break was lost or a weight misread.",
  },
  "pdf.project-name-empty": {
    severity: "warning",
    zh: "第 {index} 个项目（第 {page} 页）读出的项目名称为空（{count} 个指标），请补上项目名称",
    en: "Project {index} (page {page}) was read with an empty name ({count} indicators); please fill in its name",
    about:
      "A project read from a scan whose name cell came out empty; its indicators are kept, the name must be typed in.",
  },
  "pdf.no-chromium": {
    severity: "error",
    zh: "导出 PDF 需要系统的 chromium：请运行 sudo apt-get install chromium fonts-noto-cjk（或设置 JIXIAO_CHROMIUM 指向 chromium）",
    en: "PDF export needs the system's chromium: run `sudo apt-get install chromium fonts-noto-cjk` (or set JIXIAO_CHROMIUM to a chromium executable)",
    about: "PDF export prints through a headless chromium; none was found on the server.",
  },
});
