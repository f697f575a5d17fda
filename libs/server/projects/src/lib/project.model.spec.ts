import type { ProjectEntity } from './project.entity';
import { toProjectModel } from './project.model';

const row: ProjectEntity = {
  id: 'p1',
  code: 'SAO-CS-001',
  title: 'Ville nouvelle de Lakhyayta',
  description: '',
  type: 'NEW_TOWN',
  programmeId: null,
  communeCode: '06.117.01.3',
  regionCode: '06',
  provinceCode: '06.117',
  leadOrganizationId: 'o1',
  partnerOrganizationIds: ['o2'],
  status: 'WORKS',
  physicalProgress: '42.50',
  budget: '1250000000.00',
  spentAmount: '531250000.00',
  housingUnitsPlanned: 12000,
  housingUnitsDelivered: 4100,
  householdsTargeted: 0,
  householdsRelocated: 0,
  hectares: '300.00',
  startDate: '2012-03-01',
  plannedEndDate: '2030-12-31',
  actualEndDate: null,
  latitude: null,
  longitude: null,
  lastReportedAt: null,
  health: 'ON_TRACK',
  createdAt: new Date(0),
  updatedAt: new Date(0),
  version: 3,
};

describe('toProjectModel', () => {
  it('keeps money exact as strings and groups the key figures', () => {
    const model = toProjectModel(row);
    expect(model.budget).toBe('1250000000.00');
    expect(model.spentAmount).toBe('531250000.00');
    expect(model.physicalProgress).toBe(42.5);
    expect(model.keyFigures).toEqual({
      housingUnitsPlanned: 12000,
      housingUnitsDelivered: 4100,
      householdsTargeted: 0,
      householdsRelocated: 0,
      hectares: '300.00',
    });
  });

  it('has a location only when both coordinates are known, and never exposes the scope columns', () => {
    expect(toProjectModel(row).location).toBeNull();
    expect(toProjectModel({ ...row, latitude: '33.573110', longitude: '-7.589843' }).location).toEqual({
      lat: '33.573110',
      lng: '-7.589843',
    });
    expect(toProjectModel(row)).not.toHaveProperty('regionCode');
  });
});
