#!/usr/bin/env bash
# Copy the pinned browser assets from the npm registry into static/vendor/, with their licences.
# Run through `make vendor`; the result is committed, so serving the app never needs npm.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dest="$here/../../static/vendor"
cd "$here"
npm ci --no-audit --no-fund --ignore-scripts >/dev/null

version() { node -p "require('./node_modules/$1/package.json').version"; }

pico=$(version @picocss/pico)
rm -rf "$dest"/pico-* && mkdir -p "$dest/pico-$pico"
cp node_modules/@picocss/pico/css/pico.min.css node_modules/@picocss/pico/LICENSE.md "$dest/pico-$pico/"

swagger=$(version swagger-ui-dist)
rm -rf "$dest"/swagger-ui-* && mkdir -p "$dest/swagger-ui-$swagger"
cp node_modules/swagger-ui-dist/{swagger-ui-bundle.js,swagger-ui.css,LICENSE,NOTICE} "$dest/swagger-ui-$swagger/"

htmx=$(version htmx.org)
rm -rf "$dest"/htmx-* && mkdir -p "$dest/htmx-$htmx"
cp node_modules/htmx.org/dist/htmx.min.js node_modules/htmx.org/LICENSE "$dest/htmx-$htmx/"

cat > "$dest/VERSIONS.md" <<MD
# Vendored browser assets

Copied from the npm registry by \`make vendor\` (tools/vendor/); do not edit by hand.

| package | version | licence | files |
|---|---|---|---|
| @picocss/pico | $pico | MIT (pico-$pico/LICENSE.md) | pico.min.css |
| swagger-ui-dist | $swagger | Apache-2.0 (swagger-ui-$swagger/LICENSE, NOTICE) | swagger-ui-bundle.js, swagger-ui.css |
| htmx.org | $htmx | 0BSD (htmx-$htmx/LICENSE) | htmx.min.js (the board's what-if; templates/board.html names this version) |
MD
echo "vendored pico $pico, swagger-ui $swagger, htmx $htmx into static/vendor/"
