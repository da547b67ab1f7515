// Projects Natural Earth country outlines (npm `world-atlas`) once, for the board's world map.
// Run through `make map`; the output under static/map/ is committed, so serving never needs node.
//
// Writes static/map/world-110m.json:
//   projection   what was used (Equal Earth fitted to a fixed width), for the record
//   width/height the SVG viewBox
//   outlines     1:110m outlines by ISO 3166-1 numeric code: {d, centroid, area (px²)}
//   unnumbered   1:110m outlines that carry no ISO numeric code (e.g. Kosovo), by Natural Earth name
//   points       a projected centroid of every 1:10m country, by numeric code or, lacking one, by name;
//                the board places markers here for countries too small for 1:110m (Bahrain, Malta,
//                Tuvalu...) or without a code (Kosovo)
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { geoEqualEarth, geoPath } from "d3-geo";
import { feature, transform as pointDecoder } from "topojson-client";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "..", "static", "map");
const atlasDir = join(here, "node_modules", "world-atlas");
const WIDTH = 1000;
const MIN_STEP = 1.5; // px of the viewBox: finer detail is invisible at this width, and costs page weight
const ANTARCTICA = "010"; // left off: no force is raised there, and it would take much of the height

const atlasVersion = JSON.parse(readFileSync(join(atlasDir, "package.json"), "utf8")).version;
const readTopology = (scale) => JSON.parse(readFileSync(join(atlasDir, `countries-${scale}.json`), "utf8"));
const countries = (topology) =>
  feature(topology, topology.objects.countries).features.filter((f) => f.id !== ANTARCTICA);

const coarseTopology = readTopology("110m");
const fine = countries(readTopology("10m"));
const projection = geoEqualEarth().fitWidth(WIDTH, { type: "FeatureCollection", features: countries(coarseTopology) });

// Drop points closer than MIN_STEP (projected) to the last one kept, arc by arc: a border shared by
// two countries is one arc, so both get the same line and no slivers open between them.
function simplified(topology) {
  const arcs = topology.arcs.map((arc) => {
    const decode = pointDecoder(topology.transform);
    const points = arc.map((p, i) => decode(p, i));
    const kept = [points[0]];
    for (let i = 1; i < points.length - 1; i++) {
      const [x0, y0] = projection(kept[kept.length - 1]);
      const [x1, y1] = projection(points[i]);
      if (Math.hypot(x1 - x0, y1 - y0) >= MIN_STEP) kept.push(points[i]);
    }
    if (points.length > 1) kept.push(points[points.length - 1]);
    return kept;
  });
  const { transform, ...rest } = topology;
  return { ...rest, arcs };
}

const coarse = countries(simplified(coarseTopology));
const [[, top], [, bottom]] = geoPath(projection).bounds({ type: "FeatureCollection", features: coarse });
const height = Math.ceil(bottom - Math.min(0, top));

const round = (v) => Math.round(v * 10) / 10;
const num = (v) => {
  const text = String(round(v));
  return text.replace(/^(-?)0\./, "$1.");
};

// A compact SVG path: absolute move, then relative lines between rounded points (no drift,
// repeated points dropped), so the board's HTML stays small.
function compactPath(geometry) {
  const parts = [];
  let ring = null;
  const context = {
    moveTo(x, y) { ring = [[round(x), round(y)]]; },
    lineTo(x, y) {
      const p = [round(x), round(y)];
      const last = ring[ring.length - 1];
      if (p[0] !== last[0] || p[1] !== last[1]) ring.push(p);
    },
    closePath() {
      if (ring && ring.length > 2) {
        let text = `M${num(ring[0][0])} ${num(ring[0][1])}l`;
        let sep = "";
        for (let i = 1; i < ring.length; i++) {
          const dx = round(ring[i][0] - ring[i - 1][0]);
          const dy = round(ring[i][1] - ring[i - 1][1]);
          const pair = `${num(dx)}${dy < 0 ? "" : " "}${num(dy)}`;
          text += (sep && !pair.startsWith("-") ? sep : "") + pair;
          sep = " ";
        }
        parts.push(text + "z");
      }
      ring = null;
    },
    arc() {}, beginPath() {},
  };
  geoPath(projection, context)(geometry);
  return parts.join("");
}

const path = geoPath(projection);
const centroid = (f) => path.centroid(f).map(round);

const outlines = {};
const unnumbered = {};
for (const f of coarse) {
  const entry = { d: compactPath(f), centroid: centroid(f), area: round(path.area(f)) };
  if (!entry.d) continue;
  if (f.id) outlines[f.id] = entry;
  else unnumbered[f.properties.name] = entry;
}
const points = {};
for (const f of fine) points[f.id || f.properties.name] = centroid(f);

mkdirSync(out, { recursive: true });
const data = {
  source: `world-atlas ${atlasVersion} (Natural Earth 1:110m outlines, 1:10m centroids)`,
  projection: { name: "Equal Earth", scale: round(projection.scale()), translate: projection.translate().map(round) },
  width: WIDTH,
  height,
  outlines,
  unnumbered,
  points,
};
writeFileSync(join(out, "world-110m.json"), JSON.stringify(data) + "\n");
writeFileSync(join(out, "LICENSE-natural-earth.md"), `# Map data

The outlines in \`world-110m.json\` come from Natural Earth (https://www.naturalearthdata.com/),
which is in the public domain ("No permission is needed to use Natural Earth. Crediting the
authors is unnecessary."), by way of the npm package \`world-atlas\` ${atlasVersion}, which is
under the ISC licence below. They were projected with \`d3-geo\` and \`topojson-client\` (ISC) by
\`tools/map/project.mjs\` (\`make map\`).

Natural Earth shows de facto boundaries; a line on this map is not a statement about any dispute.

## world-atlas licence

${readFileSync(join(atlasDir, "LICENSE"), "utf8").trim()}
`);
writeFileSync(join(out, "VERSIONS.md"), `# Map data versions

Written by \`make map\` (tools/map/); do not edit by hand.

| package | version | licence | used for |
|---|---|---|---|
| world-atlas | ${atlasVersion} | ISC; data public domain (Natural Earth) | countries-110m outlines, countries-10m centroids |
| topojson-client | ${JSON.parse(readFileSync(join(here, "node_modules", "topojson-client", "package.json"), "utf8")).version} | ISC | TopoJSON to GeoJSON |
| d3-geo | ${JSON.parse(readFileSync(join(here, "node_modules", "d3-geo", "package.json"), "utf8")).version} | ISC | Equal Earth projection, areas and centroids |
`);
console.log(`wrote static/map/world-110m.json: ${Object.keys(outlines).length} outlines, ` +
  `${Object.keys(unnumbered).length} without a code, ${Object.keys(points).length} points, ${WIDTH}x${height}`);
