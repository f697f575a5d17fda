import * as argon2 from 'argon2';

/**
 * The one place passwords are hashed (argon2id, the library's defaults): the equal-time answer for
 * unknown e-mails relies on every stored hash having the same cost.
 */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return argon2.verify(hash, password);
}
