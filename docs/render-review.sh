#!/bin/sh
# Re-renders the README's review-copy pictures: reports with one number changed → jixiao annotate → LibreOffice PDF →
# cropped PNGs of the docx copy's first page (highlights and comment markers) and of the xlsx copy's 审阅意见 sheet.
# Needs: apt-get install -y libreoffice-writer-nogui poppler-utils fonts-noto-cjk
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
# 实际到位资金 3425.81 → 3245.81: the execution rate 90.07% no longer follows (an error), beside the file's own warning
node --input-type=module -e '
  import { readFileSync, writeFileSync } from "node:fs";
  import { unzipSync, zipSync, strFromU8, strToU8 } from "fflate";
  const zip = unzipSync(readFileSync(process.argv[1]));
  zip["word/document.xml"] = strToU8(strFromU8(zip["word/document.xml"]).replace("3425.81", "3245.81"));
  writeFileSync(process.argv[2], zipSync(zip));
' fixtures/000-sanyuan-2023.docx "$work/三元镇自评报告.docx"
# 资金总额 1599.38 → 1569.38 and one item score 4 → 5: a wrong total and a wrong total score in the workbook
node --input-type=module -e '
  import ExcelJS from "exceljs";
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(process.argv[1]);
  wb.getWorksheet("Sheet1").getCell("C6").value = 1569.38;
  wb.getWorksheet("整体2-2自评打分表").getCell("F11").value = 5;
  await wb.xlsx.writeFile(process.argv[2]);
' fixtures/004-baocheng-2024.xlsx "$work/宝城镇自评表.xlsx"
node bin/jixiao annotate "$work/三元镇自评报告.docx" "$work/宝城镇自评表.xlsx" -o "$work/审阅" >/dev/null || true
soffice --headless -env:UserInstallation="file://$work/profile" \
  --convert-to 'pdf:writer_pdf_Export:{"ExportNotesInMargin":{"type":"boolean","value":"true"}}' \
  --outdir "$work" "$work/审阅/三元镇自评报告.审阅.docx" >/dev/null
pdftoppm -r 90 -f 1 -l 1 -x 95 -y 305 -W 600 -H 400 -png -singlefile "$work/三元镇自评报告.审阅.pdf" "$work/page"
cp "$work/page.png" docs/review-docx.png
soffice --headless -env:UserInstallation="file://$work/profile" --convert-to pdf --outdir "$work" "$work/审阅/宝城镇自评表.审阅.xlsx" >/dev/null
pdftoppm -r 120 -f 1 -l 1 -x 80 -y 107 -W 1200 -H 110 -png -singlefile "$work/宝城镇自评表.审阅.pdf" docs/review-xlsx
rm -rf "$work"
