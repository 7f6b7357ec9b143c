#!/bin/sh
# Regenerates the fixtures that real tools write, so that the readers are
# tested on their output and not only on files written by hand:
#
#   ../tmx/po2tmx.tmx      po2tmx (translate-toolkit) of source.po.in
#   ../xliff/po2xliff.xlf  po2xliff (translate-toolkit) of source.po.in
#   ../tmx/utf16le-bom.tmx utf16le-bom.tmx.in in UTF-16LE with a BOM
#
# A tool's output cannot carry the fixture's expectations, so they are
# appended as an XML comment after the root element. If a new version of a
# tool writes something else, the fixture test says so; check that the
# wants below still describe the file.
#
# Needs translate-toolkit (po2tmx, po2xliff), gettext (msgcat) and iconv.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# msgcat checks the PO's syntax; the tools want a .po name, and are run
# where it is so that the name they record does not vary.
msgcat -o "$tmp/source.po" source.po.in

# Chinese msgids are the source; po2tmx calls the msgstrs' language -l.
(cd "$tmp" && po2tmx --progress=none --source-language=zh-CN -l en -i source.po -o po2tmx.tmx)
cp "$tmp/po2tmx.tmx" ../tmx/po2tmx.tmx
# po2tmx leaves out fuzzy and untranslated entries, keeps the singular only
# of a plural entry, and says srclang="en" in the header whatever the
# source language (harmless: both variants of every unit are there).
cat >>../tmx/po2tmx.tmx <<'WANTS'
<!-- Written by tools/gen.sh from tools/source.po.in with po2tmx.
want-segment "周边工作是外交全局中的重要一环。" "Neighborhood work is an important part of our overall diplomacy."
want-segment "我们要同周边国家携手构建命运共同体。" "We will join hands with neighboring countries to build a community with a shared future."
want-segment "一带一路 & 互联互通 <2024>" "Belt and Road & connectivity <2024>"
want-segment "共建“一带一路”\n为各国带来新机遇。" "The \"Belt and Road\"\nbrings new opportunities to all countries."
want-segment "%d个共建国家" "%d partner country"
-->
WANTS

# po2xliff says source-language="en-US" of every PO, and no target
# language: the reader goes by the texts' scripts. The PO header becomes a
# unit of English on both sides, no segment; a fuzzy entry is a target
# that needs review, still checked; an untranslated one an empty target.
(cd "$tmp" && po2xliff --progress=none -i source.po -o po2xliff.xlf)
cp "$tmp/po2xliff.xlf" ../xliff/po2xliff.xlf
cat >>../xliff/po2xliff.xlf <<'WANTS'

<!-- Written by tools/gen.sh from tools/source.po.in with po2xliff.
want-segment "周边工作是外交全局中的重要一环。" "Neighborhood work is an important part of our overall diplomacy."
want-segment "我们要同周边国家携手构建命运共同体。" "We will join hands with neighboring countries to build a community with a shared future."
want-segment "一带一路 & 互联互通 <2024>" "Belt and Road & connectivity <2024>"
want-segment "共建“一带一路”\n为各国带来新机遇。" "The \"Belt and Road\"\nbrings new opportunities to all countries."
want-segment "周边外交新格局" "new pattern of neighborhood diplomacy"
want-untranslated "亲诚惠容"
want-segment "%d个共建国家" "%d partner country"
want-segment "%d个共建国家" "%d partner countries"
-->
WANTS

{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE utf16le-bom.tmx.in; } >../tmx/utf16le-bom.tmx
