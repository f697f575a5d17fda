import { DELIVERY_MODES, NOTIFICATION_CHANNELS, NOTIFICATION_TYPES } from '@convergence/shared/domain';
import ar from '../i18n/ar.json';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';

describe('notifications translations', () => {
  it.each([
    ['fr', fr],
    ['ar', ar],
    ['en', en],
  ] as const)('%s names every notification type, delivery mode and channel', (_locale, translation) => {
    const types: Record<string, string> = translation.type;
    const modes: Record<string, string> = translation.mode;
    const channels: Record<string, string> = translation.channel;
    expect(NOTIFICATION_TYPES.filter((type) => !types[type])).toEqual([]);
    expect(DELIVERY_MODES.filter((mode) => !modes[mode])).toEqual([]);
    expect(NOTIFICATION_CHANNELS.filter((channel) => !channels[channel])).toEqual([]);
  });
});
