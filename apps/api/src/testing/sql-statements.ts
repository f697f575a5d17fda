import { Client } from 'pg';

/**
 * The SQL statements sent to PostgreSQL while `work` runs. The api runs in the test process, so
 * watching pg's Client is watching the api (used to prove that DataLoaders batch: the count must not
 * grow with the number of rows).
 */
export async function statementsDuring(work: () => Promise<unknown>): Promise<string[]> {
  const spy = jest.spyOn(Client.prototype, 'query');
  try {
    await work();
    return (spy.mock.calls as unknown[][]).map(([query]) =>
      typeof query === 'string' ? query : String((query as { text?: string }).text),
    );
  } finally {
    spy.mockRestore();
  }
}
