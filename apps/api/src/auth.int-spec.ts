import { JwtService } from '@nestjs/jwt';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createUser } from './testing/factories';
import { startTestApi, type GraphqlResponse, type TestApi } from './testing/test-api';

const PASSWORD = 'Convergence2026!';
const TEST_SECRET = 'integration-tests-secret-of-at-least-32-chars';
const MINISTRY =
  "Ministère de l'Aménagement du Territoire National, de l'Urbanisme, de l'Habitat et de la Politique de la Ville";

const INVALID_CREDENTIALS_FR = 'Adresse e-mail ou mot de passe incorrect.';
const SESSION_EXPIRED_FR = 'Votre session a expiré ou n’est plus valide. Reconnectez-vous.';

const LOGIN = `mutation ($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    accessToken accessTokenExpiresAt refreshToken
    user { id email displayName role locale organization { name } }
  }
}`;
const REFRESH = `mutation ($refreshToken: String!) {
  refreshSession(refreshToken: $refreshToken) { accessToken refreshToken user { email } }
}`;
const ME = '{ me { id email } }';

interface Payload {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  user: {
    id: string;
    email: string;
    displayName: string;
    role: string;
    locale: string;
    organization: { name: string };
  };
}

function codeOf(response: GraphqlResponse): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}

// Every sign-in verifies an argon2id hash (~0.3 s each on a shared 2-core machine); the lock-out
// tests make a dozen of them in a row.
jest.setTimeout(60_000);

describe('authentication (login, sessions, tokens)', () => {
  let api: TestApi;
  let dataSource: DataSource;

  const login = (email: string, password = PASSWORD, locale?: string) =>
    api.graphql<{ login: Payload }>(LOGIN, { email, password }, { locale });
  const refresh = (refreshToken: string) =>
    api.graphql<{ refreshSession: Payload }>(REFRESH, { refreshToken });
  const me = (token: string) => api.graphql<{ me: { id: string; email: string } }>(ME, {}, { token });

  async function session(email: string, password = PASSWORD): Promise<Payload> {
    const response = await login(email, password);
    if (!response.data?.login)
      throw new Error(`sign-in of ${email} failed: ${JSON.stringify(response.errors)}`);
    return response.data.login;
  }

  function expectUnauthenticated(response: GraphqlResponse, message = SESSION_EXPIRED_FR): void {
    expect(response.errors).toHaveLength(1);
    expect(codeOf(response)).toBe('UNAUTHENTICATED');
    expect(response.errors?.[0].message).toBe(message);
    expect(response.data ?? null).toBeNull();
  }

  beforeAll(async () => {
    api = await startTestApi({ demo: true });
    dataSource = api.app.get(DataSource);
  });
  afterAll(() => api.close());

  describe('login of each demo persona', () => {
    it.each([
      ['admin@demo.convergence.ma', 'Salma Berrada', 'ADMIN', MINISTRY],
      ['ministere@demo.convergence.ma', 'Karim El Idrissi', 'MINISTRY_OFFICIAL', MINISTRY],
      [
        'elu@demo.convergence.ma',
        'Fatima Zahra Alaoui',
        'ELECTED_OFFICIAL',
        'Conseil de la Région Casablanca-Settat',
      ],
      [
        'sao@demo.convergence.ma',
        'Youssef Bennani',
        'SUBSIDIARY_MANAGER',
        'Société Al Omrane Casablanca-Settat',
      ],
      ['prefecture@demo.convergence.ma', 'Nadia Chraibi', 'AUTHORITY_AGENT', 'Préfecture de Casablanca'],
      [
        'elu.marrakech@demo.convergence.ma',
        'Hassan Ouazzani',
        'ELECTED_OFFICIAL',
        'Conseil de la Région Marrakech-Safi',
      ],
    ])(
      '%s gets an access token, a refresh token and their profile',
      async (email, displayName, role, org) => {
        const response = await login(email);
        expect(response.errors).toBeUndefined();
        const payload = response.data?.login as Payload;
        expect(payload.accessToken.split('.')).toHaveLength(3);
        expect(payload.refreshToken.length).toBeGreaterThanOrEqual(40);
        expect(new Date(payload.accessTokenExpiresAt).getTime()).toBeGreaterThan(Date.now());
        expect(payload.user).toMatchObject({ email, displayName, role, organization: { name: org } });

        const self = await me(payload.accessToken);
        expect(self.errors).toBeUndefined();
        expect(self.data?.me).toEqual({ id: payload.user.id, email });
      },
    );

    it('answers the payload user like `me`, permissions included, on login and on refresh', async () => {
      const withPermissions = `user { email permissions }`;
      const signedIn = await api.graphql<{
        login: { refreshToken: string; user: { permissions: unknown[] } };
      }>(
        `mutation { login(email: "elu@demo.convergence.ma", password: "${PASSWORD}") { refreshToken ${withPermissions} } }`,
      );
      expect(signedIn.errors).toBeUndefined();
      expect(signedIn.data?.login.user.permissions).toContainEqual([
        'read',
        'Organization',
        { regionCode: '06' },
      ]);

      const refreshed = await api.graphql<{
        refreshSession: { user: { email: string; permissions: unknown[] } };
      }>(`mutation ($t: String!) { refreshSession(refreshToken: $t) { ${withPermissions} } }`, {
        t: signedIn.data?.login.refreshToken,
      });
      expect(refreshed.errors).toBeUndefined();
      expect(refreshed.data?.refreshSession.user.email).toBe('elu@demo.convergence.ma');
      expect(refreshed.data?.refreshSession.user.permissions).toContainEqual([
        'read',
        'Organization',
        { regionCode: '06' },
      ]);
    });

    it('accepts the e-mail address in another case', async () => {
      const response = await login('ELU@Demo.Convergence.MA');
      expect(response.errors).toBeUndefined();
      expect(response.data?.login.user.email).toBe('elu@demo.convergence.ma');
    });
  });

  describe('refused sign-in', () => {
    it('gives the same UNAUTHENTICATED answer for a wrong password and for an unknown address', async () => {
      const wrongPassword = await login('sao@demo.convergence.ma', 'not-the-password');
      const unknownAddress = await login('personne.inconnue@demo.convergence.ma', PASSWORD);
      expectUnauthenticated(wrongPassword, INVALID_CREDENTIALS_FR);
      expectUnauthenticated(unknownAddress, INVALID_CREDENTIALS_FR);
      expect(unknownAddress.errors).toEqual(wrongPassword.errors);
    });

    it.each([
      [
        'in French by default',
        undefined,
        'Certaines valeurs saisies sont invalides.',
        'Saisissez une adresse e-mail valide.',
      ],
      [
        'in Arabic for Accept-Language ar',
        'ar',
        'بعض القيم المدخلة غير صالحة.',
        'أدخل بريدًا إلكترونيًا صالحًا.',
      ],
      [
        'in English for Accept-Language en',
        'en-GB,en;q=0.9',
        'Some values are invalid.',
        'Enter a valid e-mail address.',
      ],
    ])(
      'answers a malformed address with BAD_USER_INPUT on the email field, %s',
      async (_label, locale, message, field) => {
        const response = await login('pas-une-adresse', PASSWORD, locale);
        expect(response.data ?? null).toBeNull();
        expect(response.errors).toHaveLength(1);
        expect(response.errors?.[0].message).toBe(message);
        expect(response.errors?.[0].extensions).toEqual({
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'email', message: field }],
        });
      },
    );
  });

  describe('input validation of the other arguments', () => {
    it('names the password field when it is empty or longer than 1,024 characters', async () => {
      const empty = await login('sao@demo.convergence.ma', '');
      expect(empty.errors?.[0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'password', message: 'Ce champ est obligatoire.' }],
      });
      const long = await login('sao@demo.convergence.ma', 'x'.repeat(1025));
      expect(long.errors?.[0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'password', message: '1024 caractères au maximum.' }],
      });
    });

    it('names the refreshToken field when it is empty', async () => {
      const response = await refresh('');
      expect(response.data ?? null).toBeNull();
      expect(response.errors?.[0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'refreshToken', message: 'Ce champ est obligatoire.' }],
      });
    });
  });

  describe('updateMyLocale', () => {
    it('changes the language of the user’s answers at once, and only for that user', async () => {
      const user = await createUser(dataSource, {
        organizationName: 'Groupe Al Omrane',
        emailPrefix: 'locale',
      });
      const { accessToken } = await session(user.email, user.password);
      const updated = await api.graphql<{ updateMyLocale: { email: string; locale: string } }>(
        'mutation { updateMyLocale(locale: en) { email locale } }',
        {},
        { token: accessToken },
      );
      expect(updated.errors).toBeUndefined();
      expect(updated.data?.updateMyLocale).toEqual({ email: user.email, locale: 'en' });

      const notFound = await api.graphql(
        '{ territories(parentCode: "99") { code } }',
        {},
        { token: accessToken },
      );
      expect(notFound.errors?.[0].message).toBe('Unknown territory: "99".');
      // A request that names its language (the web app sends its current one) is answered in it.
      const withHeader = await api.graphql(
        '{ territories(parentCode: "99") { code } }',
        {},
        { token: accessToken, locale: 'ar' },
      );
      expect(withHeader.errors?.[0].message).toBe('إقليم غير معروف: «99».');

      const [sao]: { locale: string }[] = await dataSource.query(
        `SELECT locale FROM app_user WHERE email = 'sao@demo.convergence.ma'`,
      );
      expect(sao.locale).toBe('fr');
    });

    it('is refused without a token', async () => {
      const response = await api.graphql('mutation { updateMyLocale(locale: ar) { locale } }');
      expectUnauthenticated(response, 'Vous devez vous connecter pour continuer.');
    });
  });

  describe('a stale token on a public operation', () => {
    it('does not stop someone from signing in again, but is refused on anything else', async () => {
      const stale = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwic2lkIjoieSJ9.not-a-valid-signature';
      const response = await api.graphql<{ login: Payload }>(
        LOGIN,
        { email: 'sao@demo.convergence.ma', password: PASSWORD },
        { token: stale },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data?.login.user.email).toBe('sao@demo.convergence.ma');
      expectUnauthenticated(await me(stale));
    });
  });

  describe('lock-out after 10 failed sign-ins within 15 minutes', () => {
    const LOCKED_FR = 'Trop de tentatives de connexion échouées. Réessayez dans 15 minutes.';

    it('refuses the 11th attempt, even with the right password, with RATE_LIMITED and the minutes left', async () => {
      const user = await createUser(dataSource, {
        organizationName: 'Société Al Omrane Casablanca-Settat',
        emailPrefix: 'lock',
      });
      for (let attempt = 1; attempt <= 10; attempt++) {
        expectUnauthenticated(await login(user.email, `wrong-${attempt}`), INVALID_CREDENTIALS_FR);
      }
      const locked = await login(user.email, user.password);
      expect(locked.data ?? null).toBeNull();
      expect(codeOf(locked)).toBe('RATE_LIMITED');
      expect(locked.errors?.[0].message).toBe(LOCKED_FR);

      const english = await login(user.email, user.password, 'en');
      expect(english.errors?.[0].message).toBe('Too many failed sign-in attempts. Try again in 15 minutes.');
    });

    it('cannot be outrun by sending the guesses in parallel: only 10 are checked, the rest are refused', async () => {
      const user = await createUser(dataSource, {
        organizationName: 'Société Al Omrane Casablanca-Settat',
        emailPrefix: 'parallel',
      });
      const answers = await Promise.all(
        Array.from({ length: 14 }, (_, attempt) => login(user.email, `wrong-${attempt}`)),
      );
      const codes = answers.map(codeOf);
      expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(10);
      expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(4);
      expect(codeOf(await login(user.email, user.password))).toBe('RATE_LIMITED');
    });

    it('locks an unknown address the same way, so that the answer tells nothing about which addresses exist', async () => {
      const unknown = `nobody.${process.pid}@demo.convergence.ma`;
      for (let attempt = 1; attempt <= 10; attempt++) {
        expectUnauthenticated(await login(unknown, `wrong-${attempt}`), INVALID_CREDENTIALS_FR);
      }
      const locked = await login(unknown, PASSWORD);
      expect(codeOf(locked)).toBe('RATE_LIMITED');
      expect(locked.errors?.[0].message).toBe(LOCKED_FR);
    });

    it('does not lock after 9 failures, and leaves other accounts free to sign in', async () => {
      const user = await createUser(dataSource, {
        organizationName: 'Société Al Omrane Casablanca-Settat',
        emailPrefix: 'nine',
      });
      for (let attempt = 1; attempt <= 9; attempt++) await login(user.email, `wrong-${attempt}`);
      const tenth = await login(user.email, user.password);
      expect(tenth.errors).toBeUndefined();
      expect(tenth.data?.login.user.email).toBe(user.email);

      const other = await login('elu@demo.convergence.ma');
      expect(other.errors).toBeUndefined();
      expect(other.data?.login.user.email).toBe('elu@demo.convergence.ma');
    });
  });

  describe('lock-out window, with failures dated in the past', () => {
    async function failedAt(email: string, minutesAgo: number[]): Promise<void> {
      for (const minutes of minutesAgo) {
        await dataSource.query(
          `INSERT INTO sign_in_failure (email, at) VALUES ($1, now() - make_interval(mins => $2))`,
          [email, minutes],
        );
      }
    }
    const user = () =>
      createUser(dataSource, {
        organizationName: 'Société Al Omrane Casablanca-Settat',
        emailPrefix: 'window',
      });

    it('counts down: 10 failures ending 10 minutes ago leave 5 minutes of lock', async () => {
      const locked = await user();
      await failedAt(locked.email, [10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
      const response = await login(locked.email, locked.password);
      expect(codeOf(response)).toBe('RATE_LIMITED');
      expect(response.errors?.[0].message).toBe(
        'Trop de tentatives de connexion échouées. Réessayez dans 5 minutes.',
      );
    });

    it('ends 15 minutes after the 10th failure', async () => {
      const released = await user();
      await failedAt(released.email, [16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
      expect((await login(released.email, released.password)).data?.login.user.email).toBe(released.email);
    });

    it('does not lock when the 10 failures are spread over more than 15 minutes', async () => {
      const spread = await user();
      await failedAt(spread.email, [1, 2, 3, 4, 5, 6, 7, 8, 9, 17]);
      expect((await login(spread.email, spread.password)).data?.login.user.email).toBe(spread.email);
    });

    it('counts the failures of one address whatever the case it was typed in', async () => {
      const mixed = await user();
      for (let attempt = 1; attempt <= 10; attempt++) {
        const typed = attempt % 2 ? mixed.email.toUpperCase() : mixed.email;
        expectUnauthenticated(await login(typed, `wrong-${attempt}`), INVALID_CREDENTIALS_FR);
      }
      expect(codeOf(await login(mixed.email, mixed.password))).toBe('RATE_LIMITED');
    });
  });

  describe('refreshSession', () => {
    it('rotates the refresh token: a new one is issued and the one sent is spent', async () => {
      const first = await session('sao@demo.convergence.ma');
      const rotated = await refresh(first.refreshToken);
      expect(rotated.errors).toBeUndefined();
      const next = rotated.data?.refreshSession as Payload;
      expect(next.user.email).toBe('sao@demo.convergence.ma');
      expect(next.refreshToken).not.toBe(first.refreshToken);
      expect((await me(next.accessToken)).data?.me.email).toBe('sao@demo.convergence.ma');

      expectUnauthenticated(await refresh(first.refreshToken));
    });

    it('revokes the whole sign-in when an already used refresh token is presented again', async () => {
      const first = await session('sao@demo.convergence.ma');
      const second = (await refresh(first.refreshToken)).data?.refreshSession as Payload;
      const third = (await refresh(second.refreshToken)).data?.refreshSession as Payload;
      expect((await me(third.accessToken)).data?.me.email).toBe('sao@demo.convergence.ma');

      expectUnauthenticated(await refresh(first.refreshToken));

      expectUnauthenticated(await refresh(third.refreshToken));
      expectUnauthenticated(await me(third.accessToken));
      expectUnauthenticated(await me(first.accessToken));
    });

    it('does not touch another sign-in of the same user when one is revoked', async () => {
      const victim = await session('elu@demo.convergence.ma');
      const other = await session('elu@demo.convergence.ma');
      await refresh(victim.refreshToken);
      await refresh(victim.refreshToken);
      expectUnauthenticated(await me(victim.accessToken));
      expect((await me(other.accessToken)).data?.me.email).toBe('elu@demo.convergence.ma');
    });

    it('lets exactly one of two concurrent calls with the same token succeed', async () => {
      const first = await session('prefecture@demo.convergence.ma');
      const results = await Promise.all([refresh(first.refreshToken), refresh(first.refreshToken)]);
      const succeeded = results.filter((result) => result.data?.refreshSession);
      const refused = results.filter((result) => codeOf(result) === 'UNAUTHENTICATED');
      expect(succeeded).toHaveLength(1);
      expect(refused).toHaveLength(1);
    });

    it('refuses an expired refresh token, and the access token of that sign-in with it', async () => {
      const expiring = await session('sao@demo.convergence.ma');
      const hash = createHash('sha256').update(expiring.refreshToken).digest('hex');
      await dataSource.query(
        `UPDATE refresh_token SET expires_at = now() - interval '1 second' WHERE token_hash = $1`,
        [hash],
      );
      expectUnauthenticated(await refresh(expiring.refreshToken));
      expectUnauthenticated(await me(expiring.accessToken));
    });

    it('refuses a refresh token that was never issued', async () => {
      expectUnauthenticated(await refresh('this-token-was-never-issued-by-the-api-0123456789'));
    });
  });

  describe('logout', () => {
    it('ends this sign-in: its access token and refresh token stop working, another sign-in goes on', async () => {
      const ended = await session('ministere@demo.convergence.ma');
      const kept = await session('ministere@demo.convergence.ma');

      const response = await api.graphql<{ logout: boolean }>(
        'mutation { logout }',
        {},
        { token: ended.accessToken },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data?.logout).toBe(true);

      expectUnauthenticated(await me(ended.accessToken));
      expectUnauthenticated(await refresh(ended.refreshToken));
      expect((await me(kept.accessToken)).data?.me.email).toBe('ministere@demo.convergence.ma');
    });

    it('is refused without a token', async () => {
      const response = await api.graphql('mutation { logout }');
      expectUnauthenticated(response, 'Vous devez vous connecter pour continuer.');
    });
  });

  describe('access tokens', () => {
    const jwt = new JwtService({ secret: TEST_SECRET, signOptions: { algorithm: 'HS256' } });

    async function claimsOfFreshSession(): Promise<{ sub: string; sid: string; token: string }> {
      const { accessToken } = await session('sao@demo.convergence.ma');
      const { sub, sid } = jwt.decode<{ sub: string; sid: string }>(accessToken);
      return { sub, sid, token: accessToken };
    }

    it('accepts a token signed with the secret for a live session (control for the cases below)', async () => {
      const { sub, sid } = await claimsOfFreshSession();
      const forged = jwt.sign({ sub, sid, exp: Math.floor(Date.now() / 1000) + 600 });
      expect((await me(forged)).data?.me.id).toBe(sub);
    });

    it('refuses an expired token with UNAUTHENTICATED', async () => {
      const { sub, sid } = await claimsOfFreshSession();
      const expired = jwt.sign({
        sub,
        sid,
        iat: Math.floor(Date.now() / 1000) - 3600,
        exp: Math.floor(Date.now() / 1000) - 60,
      });
      expectUnauthenticated(await me(expired));
    });

    it('refuses a token whose signature was tampered with', async () => {
      const { token } = await claimsOfFreshSession();
      const [header, payload, signature] = token.split('.');
      const middle = Math.floor(signature.length / 2);
      const flipped = signature[middle] === 'A' ? 'B' : 'A';
      const tampered = `${header}.${payload}.${signature.slice(0, middle)}${flipped}${signature.slice(middle + 1)}`;
      expect(tampered).not.toBe(token);
      expectUnauthenticated(await me(tampered));
    });

    it('lives for 15 minutes (ACCESS_TOKEN_TTL_SECONDS default), as accessTokenExpiresAt says', async () => {
      const payload = await session('sao@demo.convergence.ma');
      const { iat, exp } = jwt.decode<{ iat: number; exp: number }>(payload.accessToken);
      expect(exp - iat).toBe(900);
      expect(Math.abs(new Date(payload.accessTokenExpiresAt).getTime() - exp * 1000)).toBeLessThan(2000);
    });

    it('refuses an unsigned token (alg "none")', async () => {
      const { sub, sid } = await claimsOfFreshSession();
      const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub, sid, exp: Math.floor(Date.now() / 1000) + 600 })}.`;
      expectUnauthenticated(await me(unsigned));
    });

    it('refuses a token signed with another secret, and one naming another user', async () => {
      const { sub, sid } = await claimsOfFreshSession();
      const otherSecret = new JwtService({ secret: 'another-secret-of-at-least-32-characters!' });
      expectUnauthenticated(await me(otherSecret.sign({ sub, sid }, { expiresIn: 600 })));

      const elu = jwt.decode<{ sub: string }>((await session('elu@demo.convergence.ma')).accessToken);
      // elu's id with sao's session: the session does not belong to that user.
      expectUnauthenticated(await me(jwt.sign({ sub: elu.sub, sid }, { expiresIn: 600 })));
    });
  });

  describe('deactivated user', () => {
    it('can no longer use an existing access token, refresh it, nor sign in', async () => {
      const user = await createUser(dataSource, {
        organizationName: 'Conseil de la Région Casablanca-Settat',
        emailPrefix: 'gone',
      });
      const live = await session(user.email, user.password);
      expect((await me(live.accessToken)).data?.me.email).toBe(user.email);

      await dataSource.query('UPDATE app_user SET active = false WHERE id = $1', [user.id]);

      expectUnauthenticated(await me(live.accessToken));
      expectUnauthenticated(await refresh(live.refreshToken));
      expectUnauthenticated(await login(user.email, user.password), INVALID_CREDENTIALS_FR);
      // Someone else of the same organisation is not affected.
      expect((await login('elu@demo.convergence.ma')).data?.login.user.email).toBe('elu@demo.convergence.ma');
    });
  });

  describe('refresh token storage', () => {
    it('keeps only the SHA-256 of a refresh token, never the token itself', async () => {
      const { refreshToken, user } = await session('admin@demo.convergence.ma');
      const sha256 = createHash('sha256').update(refreshToken).digest('hex');

      const byHash: { user_id: string }[] = await dataSource.query(
        'SELECT user_id FROM refresh_token WHERE token_hash = $1',
        [sha256],
      );
      expect(byHash).toEqual([{ user_id: user.id }]);

      const [{ count }]: { count: string }[] = await dataSource.query(
        `SELECT count(*) FROM refresh_token r WHERE strpos(r::text, $1) > 0`,
        [refreshToken],
      );
      expect(Number(count)).toBe(0);
    });
  });
});
