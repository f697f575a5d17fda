import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { paginate, type Connection, type SortKey } from '@convergence/server/core';
import { Repository } from 'typeorm';
import { NotificationEntity } from '../notification.entity';
import type { NotificationsArgs } from './inputs/notifications.args';

/**
 * Newest first. The key is the creation time cut to the millisecond, as a cursor carries a JavaScript
 * date: otherwise a row a few microseconds older than a page's last one would fall between two pages.
 */
const NEWEST_FIRST: SortKey<NotificationEntity> = {
  expression: "date_trunc('milliseconds', notification.created_at)",
  direction: 'DESC',
  valueOf: (notification) => notification.createdAt,
};

/** A user's own notifications: what the bell counts and the notification centre lists. */
@Injectable()
export class NotificationInboxService {
  constructor(
    @InjectRepository(NotificationEntity) private readonly notifications: Repository<NotificationEntity>,
  ) {}

  list(userId: string, { unreadOnly, ...page }: NotificationsArgs): Promise<Connection<NotificationEntity>> {
    const query = this.notifications
      .createQueryBuilder('notification')
      .where('notification.user_id = :userId', { userId });
    if (unreadOnly) query.andWhere('notification.read_at IS NULL');
    return paginate(query, page, NEWEST_FIRST);
  }

  unreadCount(userId: string): Promise<number> {
    return this.notifications
      .createQueryBuilder('notification')
      .where('notification.user_id = :userId AND notification.read_at IS NULL', { userId })
      .getCount();
  }

  /**
   * Marks the user's unread notifications read, those named or all of them, in one statement: ids
   * of other people's notifications match nothing. Returns how many changed.
   */
  async markRead(userId: string, ids: readonly string[] | null | undefined): Promise<number> {
    if (ids && ids.length === 0) return 0;
    const update = this.notifications
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ readAt: () => 'now()' })
      .where('user_id = :userId AND read_at IS NULL', { userId });
    if (ids) update.andWhere('id IN (:...ids)', { ids });
    return (await update.execute()).affected ?? 0;
  }

  /** One of the user's notifications; null when it does not exist or is someone else's. */
  findOwn(userId: string, id: string): Promise<NotificationEntity | null> {
    return this.notifications.findOneBy({ id, userId });
  }
}
