import Redis from 'ioredis';
import { NOTIFICATION_CHANNEL } from '@convergence/server/outbox';

export interface LiveMessage {
  userId: string;
  notificationId: string;
  receivedAt: number;
}

export interface LiveListener {
  messages: LiveMessage[];
  close(): void;
}

/** Listens on Redis as the api instances do, keeping every live notification message it hears. */
export async function listenToLiveNotifications(redisUrl: string): Promise<LiveListener> {
  const subscriber = new Redis(redisUrl, { retryStrategy: () => 100 });
  const messages: LiveMessage[] = [];
  subscriber.on('error', () => undefined); // the server may be killed on purpose; it reconnects
  subscriber.on('message', (_channel: string, text: string) => {
    messages.push({ ...(JSON.parse(text) as Omit<LiveMessage, 'receivedAt'>), receivedAt: Date.now() });
  });
  await subscriber.subscribe(NOTIFICATION_CHANNEL);
  return { messages, close: () => subscriber.disconnect() };
}
