#!/bin/sh
# Re-renders the README's workbook pictures: summary of the sample reports → PDF (LibreOffice) → cropped PNGs.
# Needs: apt-get install -y libreoffice-calc-nogui poppler-utils fonts-noto-cjk
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
mkdir "$work/reports"
cp fixtures/*.docx fixtures/*.xlsx "$work/reports/"
head -c 4000 fixtures/001-quanfang-2023.docx > "$work/reports/损坏的报告.docx"   # a truncated copy: one read error
(cd "$work/reports" && node "$OLDPWD/bin/jixiao" summary . -o ../汇总.xlsx) || true
soffice --headless --convert-to pdf --outdir "$work" "$work/汇总.xlsx" >/dev/null
pdftoppm -r 110 -f 1 -l 1 -x 67 -y 77 -W 1135 -H 106 -png -singlefile "$work/汇总.pdf" docs/workbook-summary
pdftoppm -r 110 -f 2 -l 2 -x 67 -y 77 -W 1135 -H 118 -png -singlefile "$work/汇总.pdf" docs/workbook-issues
rm -rf "$work"
