#!/bin/sh
# Regenerates gb18030.csv, a table as a Chinese spreadsheet exports it
# (GB18030, CRLF), which Decode recognises as not UTF-8 but GB18030.
set -e
cd "$(dirname "$0")"
python3 - <<'PY'
rows = [
    "中文,英文,note",
    '周边工作,neighborhood work,want-segment "周边工作" "neighborhood work"',
    '共建一带一路,jointly building the Belt and Road,want-segment "共建一带一路" "jointly building the Belt and Road"',
    '周边命运共同体,,want-untranslated "周边命运共同体"',
]
with open("gb18030.csv", "wb") as f:
    f.write("".join(r + "\r\n" for r in rows).encode("gb18030"))
PY
