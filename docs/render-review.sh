#!/bin/sh
# Re-renders the README's review-copy picture: a report with one number changed → jixiao annotate → LibreOffice PDF
# with the comments in the margin → a cropped PNG of the first page.
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
node bin/jixiao annotate "$work/三元镇自评报告.docx" -o "$work/审阅" >/dev/null || true
soffice --headless -env:UserInstallation="file://$work/profile" \
  --convert-to 'pdf:writer_pdf_Export:{"ExportNotesInMargin":{"type":"boolean","value":"true"}}' \
  --outdir "$work" "$work/审阅/三元镇自评报告.审阅.docx" >/dev/null
pdftoppm -r 90 -f 1 -l 1 -x 95 -y 305 -W 600 -H 400 -png -singlefile "$work/三元镇自评报告.审阅.pdf" "$work/page"
cp "$work/page.png" docs/review-docx.png
rm -rf "$work"
