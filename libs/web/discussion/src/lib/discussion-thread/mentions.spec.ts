import { bodyParts, insertMention, mentionedIds, mentionQueryAt } from './mentions';

const SAO = { id: 'u-sao', displayName: 'Youssef Bennani' };

describe('mentionQueryAt', () => {
  it('finds the name typed after an "@" that starts a word', () => {
    expect(mentionQueryAt('@you', 4)).toEqual({ start: 0, search: 'you' });
    expect(mentionQueryAt('Merci @Youssef Ben', 18)).toEqual({ start: 6, search: 'Youssef Ben' });
    expect(mentionQueryAt('(@nad', 5)).toEqual({ start: 1, search: 'nad' });
    expect(mentionQueryAt('مرحبا @يوس', 10)).toEqual({ start: 6, search: 'يوس' });
  });

  it('ignores an e-mail address, a lone "@", another line, and a sentence after the name', () => {
    expect(mentionQueryAt('sao@demo', 8)).toBeNull();
    expect(mentionQueryAt('Merci @', 7)).toBeNull();
    expect(mentionQueryAt('@ you', 5)).toBeNull();
    expect(mentionQueryAt('@you\nla suite', 13)).toBeNull();
    expect(mentionQueryAt('@Youssef merci pour le point', 28)).toBeNull();
    expect(mentionQueryAt(`@${'a'.repeat(61)}`, 62)).toBeNull();
  });

  it('reads only up to the caret', () => {
    expect(mentionQueryAt('@youssef et la suite', 4)).toEqual({ start: 0, search: 'you' });
  });
});

describe('insertMention', () => {
  it('replaces what was typed with the full name and a space, caret after it', () => {
    const query = { start: 6, search: 'you' };
    expect(insertMention('Merci @you', query, 10, SAO)).toEqual({
      text: 'Merci @Youssef Bennani ',
      caret: 23,
    });
    expect(insertMention('Merci @you pour tout', { start: 6, search: 'you' }, 10, SAO)).toEqual({
      text: 'Merci @Youssef Bennani pour tout',
      caret: 23,
    });
  });
});

describe('mentionedIds', () => {
  it('keeps the people whose name is still in the text, once each', () => {
    const other = { id: 'u-elu', displayName: 'Fatima Zahra Alaoui' };
    expect(mentionedIds('@Youssef Bennani et @Youssef Bennani', [SAO, other, SAO])).toEqual(['u-sao']);
    expect(mentionedIds('Plus personne', [SAO])).toEqual([]);
  });
});

describe('bodyParts', () => {
  it('marks the mentions of the text, longest names first', () => {
    const ali = { id: 'a', displayName: 'Ali' };
    const aliBenali = { id: 'b', displayName: 'Ali Benali' };
    expect(bodyParts('Merci @Ali Benali et @Ali.', [ali, aliBenali])).toEqual([
      { text: 'Merci ', mention: false },
      { text: '@Ali Benali', mention: true },
      { text: ' et ', mention: false },
      { text: '@Ali', mention: true },
      { text: '.', mention: false },
    ]);
    expect(bodyParts('Sans mention (a+b)', [])).toEqual([{ text: 'Sans mention (a+b)', mention: false }]);
  });
});
