/** Someone a comment may name. */
export interface MentionPerson {
  readonly id: string;
  readonly displayName: string;
}

/** A name being typed after "@": where the "@" is, and the letters after it. */
export interface MentionQuery {
  /** Index of the "@" in the text. */
  readonly start: number;
  /** What follows it up to the caret, blanks around removed (never empty). */
  readonly search: string;
}

/** The longest name fragment the api searches for (mentionCandidates' `search`). */
export const MAX_MENTION_SEARCH = 60;
/** Names have a few words ("Fatima Zahra Alaoui"); beyond, the writer has moved on to their sentence. */
const MAX_WORDS = 3;

/**
 * The name being typed just before the caret, if any: an "@" at the start of the text or after a
 * blank or an opening bracket, followed by one to three words on the same line.
 */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const start = before.lastIndexOf('@');
  if (start < 0) return null;
  if (start > 0 && !/[\s([{«"'“]/u.test(before[start - 1])) return null;
  const typed = before.slice(start + 1);
  if (typed.length === 0 || typed.length > MAX_MENTION_SEARCH) return null;
  if (/[\n\r\t@]/.test(typed) || /^\s/.test(typed) || /\s{2}/.test(typed)) return null;
  const search = typed.trim();
  if (search.split(' ').length > MAX_WORDS) return null;
  return { start, search };
}

/**
 * The text with the name being typed (from its "@" to the caret) replaced by "@Display Name ", and
 * where the caret goes: just after it.
 */
export function insertMention(
  text: string,
  query: MentionQuery,
  caret: number,
  person: MentionPerson,
): { text: string; caret: number } {
  const mention = `@${person.displayName} `;
  const after = text.slice(caret).replace(/^ /, '');
  return { text: text.slice(0, query.start) + mention + after, caret: query.start + mention.length };
}

/** The people chosen while writing whose "@Name" is still in the text (the writer may have erased it). */
export function mentionedIds(body: string, chosen: readonly MentionPerson[]): string[] {
  const ids = chosen.filter((person) => body.includes(`@${person.displayName}`)).map((person) => person.id);
  return [...new Set(ids)];
}

/** A comment's text cut into plain parts and the "@Name" of the people it mentions, for display. */
export type BodyPart = { readonly text: string; readonly mention: boolean };

export function bodyParts(body: string, mentions: readonly MentionPerson[]): BodyPart[] {
  const names = [...new Set(mentions.map((person) => `@${person.displayName}`))]
    // Longest first, so that "@Ali Benali" wins over "@Ali".
    .sort((a, b) => b.length - a.length);
  if (names.length === 0) return [{ text: body, mention: false }];
  const pattern = new RegExp(`(${names.map(escapeRegExp).join('|')})`, 'gu');
  return body
    .split(pattern)
    .filter((text) => text !== '')
    .map((text) => ({ text, mention: names.includes(text) }));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
