#!/usr/bin/env bash
# The README's test command: every tier, in order. Stops at the first failing step so its output is the last thing shown.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n\033[1m== %s\033[0m\n' "$1"; }

step "system browsers";      bash scripts/ensure-browsers.sh
step "format and lint";      npx biome ci .
step "types";                npx tsc --noEmit
step "contract artifact";    npx tsx contracts/compile.ts --check
step "build";                npx wxt build && npx wxt build -b firefox --mv3
step "web-ext lint";         npx tsx scripts/lint-firefox.ts
step "unit and integration"; npx vitest run
step "end to end (Chromium)"; npx vitest run -c vitest.e2e.config.ts
step "smoke (Firefox)";      npx tsx e2e/firefox/firefox-smoke.ts
step "store packages";       npx tsx scripts/check-zips.ts
step "package install";      npx tsx scripts/pack-install.ts
printf '\nAll test tiers passed.\n'
