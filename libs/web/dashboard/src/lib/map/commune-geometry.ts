import { Injectable } from '@angular/core';

/** Written at build time by tools/scripts/build-commune-map.mjs (nx run web:commune-map). */
export const COMMUNE_GEOJSON_URL = 'geo/06-communes.geojson';
/** The region the map covers: Casablanca-Settat. */
export const MAP_REGION_CODE = '06';

type Position = readonly number[];

/** One commune of the map: its HCP code as the api writes it, its names, its bounding box. */
export interface CommuneShape {
  readonly code: string;
  readonly nameFr: string;
  readonly nameAr: string;
  /** [west, south, east, north] in degrees. */
  readonly bbox: readonly [number, number, number, number];
}

export interface CommuneGeometryData {
  /** The GeoJSON as served, for `registerMap`. */
  readonly geoJson: object;
  readonly communes: readonly CommuneShape[];
}

export class CommuneGeometryError extends Error {}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** Every [lng, lat] of a Polygon or MultiPolygon. */
function positionsOf(geometry: unknown): Position[] {
  if (!isRecord(geometry) || !Array.isArray(geometry['coordinates'])) return [];
  const polygons: unknown[] =
    geometry['type'] === 'MultiPolygon' ? geometry['coordinates'] : [geometry['coordinates']];
  return polygons.flatMap((polygon) =>
    Array.isArray(polygon)
      ? polygon.flatMap((ring) => (Array.isArray(ring) ? (ring as Position[]) : []))
      : [],
  );
}

/**
 * Reads the GeoJSON the build step wrote: a FeatureCollection whose features carry `code`,
 * `nameFr` and `nameAr`. Anything else is refused rather than drawn wrong.
 */
export function parseCommuneGeometry(json: unknown): CommuneGeometryData {
  if (!isRecord(json) || json['type'] !== 'FeatureCollection' || !Array.isArray(json['features'])) {
    throw new CommuneGeometryError('not a GeoJSON FeatureCollection');
  }
  const communes = json['features'].map((feature: unknown): CommuneShape => {
    const properties = isRecord(feature) ? feature['properties'] : null;
    if (
      !isRecord(properties) ||
      typeof properties['code'] !== 'string' ||
      typeof properties['nameFr'] !== 'string' ||
      typeof properties['nameAr'] !== 'string'
    ) {
      throw new CommuneGeometryError('a feature without code and names');
    }
    const positions = positionsOf(isRecord(feature) ? feature['geometry'] : null);
    if (!positions.length) throw new CommuneGeometryError(`commune ${properties['code']} has no shape`);
    const lngs = positions.map((position) => position[0]);
    const lats = positions.map((position) => position[1]);
    return {
      code: properties['code'],
      nameFr: properties['nameFr'],
      nameAr: properties['nameAr'],
      bbox: [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)],
    };
  });
  return { geoJson: json, communes };
}

/** The commune boundaries of Casablanca-Settat, fetched once (beside the app, like the translations). */
@Injectable({ providedIn: 'root' })
export class CommuneGeometry {
  private loading: Promise<CommuneGeometryData> | null = null;

  load(): Promise<CommuneGeometryData> {
    this.loading ??= fetch(COMMUNE_GEOJSON_URL)
      .then(async (response) => {
        if (!response.ok) throw new CommuneGeometryError(`${COMMUNE_GEOJSON_URL}: HTTP ${response.status}`);
        return parseCommuneGeometry(await response.json());
      })
      .catch((error: unknown) => {
        // A later visit tries again.
        this.loading = null;
        throw error;
      });
    return this.loading;
  }
}
