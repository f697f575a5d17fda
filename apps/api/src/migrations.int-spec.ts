import { DataSource } from 'typeorm';
import { startTestApi, type TestApi } from './testing/test-api';

describe('migrations', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('create exactly the schema the entities describe (npm run migration:generate -- <Name> when not)', async () => {
    const pending = await api.app.get(DataSource).driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });
});
