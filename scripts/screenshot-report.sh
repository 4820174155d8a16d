#!/usr/bin/env bash
# Renders a twindex HTML report to PNG with headless Chromium, to look at it as a reader would.
#   scripts/screenshot-report.sh report.html report.png [width]
# Needs Debian's `chromium` package (apt-get install -y chromium).
set -euo pipefail
report=${1:?usage: screenshot-report.sh REPORT.html OUT.png [width]}
out=${2:?usage: screenshot-report.sh REPORT.html OUT.png [width]}
width=${3:-1280}
command -v chromium >/dev/null || { echo "chromium is not installed (apt-get install -y chromium)" >&2; exit 1; }
abs=$(cd "$(dirname "$report")" && pwd)/$(basename "$report")
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="${width},5200" \
  --screenshot="$out" "file://$abs" 2>/dev/null
echo "wrote $out"
