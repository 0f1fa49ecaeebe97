#!/usr/bin/env bash
# Fails while a translation is incomplete: runs lupdate over the console's sources into a copy of each .ts file
# and lists every entry that is unfinished (new or changed source text), vanished or obsolete (no longer in the
# sources). The committed .ts files are not touched.
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mapfile -t sources < <(find ui app/gatehouse -name '*.cpp' -o -name '*.h' | sort; echo backend/service/OperationCatalog.cpp)
status=0
for ts in translations/gatehouse_*.ts; do
    copy=$tmp/$(basename "$ts")
    cp "$ts" "$copy"
    "$lupdate" -silent -locations none "${sources[@]}" -ts "$copy" >/dev/null
    bad=$(python3 - "$copy" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
for ctx in root.iter('context'):
    name = ctx.findtext('name')
    for m in ctx.iter('message'):
        t = m.find('translation')
        kind = t.get('type') if t is not None else 'missing'
        empty = t is None or (not (t.text or '').strip() and not list(t))
        if kind in ('unfinished', 'vanished', 'obsolete', 'missing') or empty:
            print(f"  {kind or 'empty'}: [{name}] {m.findtext('source')!r}")
PY
)
    if [[ -n $bad ]]; then
        echo "$ts: $(grep -c . <<<"$bad") entries to finish (cmake --build build/release --target update_translations, then translate):"
        head -40 <<<"$bad"
        status=1
    else
        echo "$ts: complete"
    fi
done
exit $status
