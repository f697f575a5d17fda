import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { BadUserInputError, type FieldProblem } from '@convergence/server/core';
import {
  defaultDeliveryMode,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_TYPES,
  type DeliveryMode,
  type NotificationChannel,
  type NotificationType,
} from '@convergence/shared/domain';
import { DataSource, Repository } from 'typeorm';
import { NotificationPreferenceEntity } from '../notification-preference.entity';
import type { NotificationPreferencesInput } from './inputs/notification-preferences.input';
import type { NotificationPreferencesModel } from './notification-preferences.model';

/** In the app a notification shows at once or not at all: digests are an e-mail matter. */
const IN_APP_MODES: readonly DeliveryMode[] = ['IMMEDIATE', 'OFF'];

const keyOf = (type: NotificationType, channel: NotificationChannel) => `${type}/${channel}`;

/**
 * A user's choices per notification type and channel. Only choices that differ from the default are
 * stored, so that a user who never chose follows the platform's defaults as they evolve.
 */
@Injectable()
export class NotificationPreferencesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(NotificationPreferenceEntity)
    private readonly preferences: Repository<NotificationPreferenceEntity>,
  ) {}

  /** Every type × channel, the user's choice or the default. */
  async get(userId: string): Promise<NotificationPreferencesModel> {
    const chosen = new Map(
      (await this.preferences.findBy({ userId })).map((row) => [keyOf(row.type, row.channel), row.mode]),
    );
    return {
      entries: NOTIFICATION_TYPES.flatMap((type) =>
        NOTIFICATION_CHANNELS.map((channel) => {
          const mode = chosen.get(keyOf(type, channel));
          return { type, channel, mode: mode ?? defaultDeliveryMode(type, channel), isDefault: !mode };
        }),
      ),
    };
  }

  async update(
    userId: string,
    { entries }: NotificationPreferencesInput,
  ): Promise<NotificationPreferencesModel> {
    const problems = entryProblems(entries);
    if (problems.length) throw new BadUserInputError(problems);

    const isDefault = (entry: (typeof entries)[number]) =>
      entry.mode === defaultDeliveryMode(entry.type, entry.channel);
    const choices = entries.filter((entry) => !isDefault(entry));
    const backToDefault = entries.filter(isDefault);
    await this.dataSource.transaction(async (manager) => {
      if (choices.length) {
        await manager.upsert(
          NotificationPreferenceEntity,
          choices.map(({ type, channel, mode }) => ({ userId, type, channel, mode })),
          ['userId', 'type', 'channel'],
        );
      }
      if (backToDefault.length) {
        await manager
          .createQueryBuilder()
          .delete()
          .from(NotificationPreferenceEntity)
          .where('user_id = :userId', { userId })
          .andWhere(
            '(type, channel) IN (SELECT * FROM unnest(CAST(:types AS text[]), CAST(:channels AS text[])))',
            {
              types: backToDefault.map((entry) => entry.type),
              channels: backToDefault.map((entry) => entry.channel),
            },
          )
          .execute();
      }
    });
    return this.get(userId);
  }
}

/** Modes a channel cannot have, and the same type and channel given twice (which would be ambiguous). */
function entryProblems(entries: NotificationPreferencesInput['entries']): FieldProblem[] {
  const seen = new Set<string>();
  return entries.flatMap((entry, index): FieldProblem[] => {
    const key = keyOf(entry.type, entry.channel);
    if (seen.has(key)) return [{ field: `entries.${index}`, key: 'validation.duplicatePreference' }];
    seen.add(key);
    if (entry.channel === 'IN_APP' && !IN_APP_MODES.includes(entry.mode)) {
      return [{ field: `entries.${index}.mode`, key: 'validation.inAppMode' }];
    }
    return [];
  });
}
