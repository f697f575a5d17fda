// Build step of the web app (`nx run web:commune-map`, a dependency of `web:build` and `web:serve`):
// converts the commune boundaries of Casablanca-Settat (data/morocco/geometry/06.topojson, ODbL) to
// the GeoJSON the dashboard map loads (`geo/06-communes.geojson`), keyed by the dotted HCP code the
// api uses ("06.141.01.0"), with the French and Arabic names of data/morocco/attributes/communes.csv.
//
//   node tools/scripts/build-commune-map.mjs [output]   (default: apps/web/generated/geo/06-communes.geojson)
//
// The TopoJSON keys its features by `code_digits` (the dotted code without dots, zero-padded to nine
// digits), which cannot be turned back into a dotted code by itself: the join goes through the CSV,
// and the build fails if any feature or any commune of the region is left unmatched.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const REGION = '06';
/** 4 decimals of a degree: about 10 m, below a pixel at the scale of a region; the file is half the size. */
const DECIMALS = 4;

/** The communes of one region from communes.csv: digits code → dotted code and names. */
export function communesOf(csv, regionCode) {
  const [header, ...lines] = csv.trim().split(/\r?\n/);
  const columns = header.split(',');
  const at = (name) => {
    const index = columns.indexOf(name);
    if (index < 0) throw new Error(`communes.csv: no column ${name}`);
    return index;
  };
  const [code, digits, nameFr, nameAr, region] = [
    'code',
    'code_digits',
    'name_fr',
    'name_ar',
    'region_code',
  ].map(at);
  const communes = new Map();
  for (const line of lines) {
    const cells = line.split(',');
    if (cells.length !== columns.length) throw new Error(`communes.csv: bad line ${line}`);
    if (cells[region] !== regionCode) continue;
    if (communes.has(cells[digits])) throw new Error(`communes.csv: ${cells[digits]} twice`);
    communes.set(cells[digits], { code: cells[code], nameFr: cells[nameFr], nameAr: cells[nameAr] });
  }
  return communes;
}

const round = (value) => Number(value.toFixed(DECIMALS));

/** A ring with rounded coordinates, without the repeated points rounding creates; still closed. */
function roundRing(ring) {
  const points = [];
  for (const [x, y] of ring) {
    const point = [round(x), round(y)];
    const last = points.at(-1);
    if (!last || last[0] !== point[0] || last[1] !== point[1]) points.push(point);
  }
  const [first] = points;
  const last = points.at(-1);
  if (first[0] !== last[0] || first[1] !== last[1]) points.push([...first]);
  // A ring smaller than the rounding step collapses; it is dropped rather than drawn as a point.
  return points.length >= 4 ? points : null;
}

function roundGeometry(geometry) {
  const polygon = (rings) => {
    const [outer, ...holes] = rings.map(roundRing);
    return outer ? [outer, ...holes.filter(Boolean)] : null;
  };
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: polygon(geometry.coordinates) };
  if (geometry.type === 'MultiPolygon') {
    return { type: 'MultiPolygon', coordinates: geometry.coordinates.map(polygon).filter(Boolean) };
  }
  throw new Error(`unexpected geometry ${geometry.type}`);
}

/**
 * The GeoJSON FeatureCollection of the region's communes: `properties.code` is the api's dotted HCP
 * code, `nameFr`/`nameAr` the HCP names; attribution and licence travel with the data.
 */
export function toCommuneGeoJson(topology, communes) {
  const object = topology.objects?.communes;
  if (!object) throw new Error('the TopoJSON has no `communes` object');
  const collection = feature(topology, object);
  const seen = new Set();
  const features = collection.features.map((item) => {
    const digits = String(item.properties?.code ?? '');
    const commune = communes.get(digits);
    if (!commune)
      throw new Error(`feature ${digits} (${item.properties?.name}) matches no commune of communes.csv`);
    if (seen.has(digits)) throw new Error(`feature ${digits} twice`);
    seen.add(digits);
    const geometry = roundGeometry(item.geometry);
    if (!geometry.coordinates?.length) throw new Error(`feature ${digits} has no area left`);
    return {
      type: 'Feature',
      properties: { code: commune.code, nameFr: commune.nameFr, nameAr: commune.nameAr },
      geometry,
    };
  });
  const missing = [...communes.keys()].filter((digits) => !seen.has(digits));
  if (missing.length) throw new Error(`communes without a boundary: ${missing.join(', ')}`);
  return {
    type: 'FeatureCollection',
    license: topology.license,
    attribution: topology.attribution,
    features: features.sort((a, b) => a.properties.code.localeCompare(b.properties.code)),
  };
}

function main() {
  const output = resolve(process.argv[2] ?? join(ROOT, 'apps/web/generated/geo/06-communes.geojson'));
  const topology = JSON.parse(readFileSync(join(ROOT, `data/morocco/geometry/${REGION}.topojson`), 'utf8'));
  const communes = communesOf(
    readFileSync(join(ROOT, 'data/morocco/attributes/communes.csv'), 'utf8'),
    REGION,
  );
  const geojson = toCommuneGeoJson(topology, communes);
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, JSON.stringify(geojson));
  console.log(`commune map: ${geojson.features.length} communes of region ${REGION} → ${output}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    console.error(`commune map: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
