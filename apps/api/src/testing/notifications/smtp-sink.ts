import { SMTPServer } from 'smtp-server';
import { freePort } from '../free-port';
import { parseMail, type ReceivedMail } from './received-mail';

export interface SmtpSink {
  /** `SMTP_URL` for the worker. */
  url: string;
  messages: ReceivedMail[];
  /** The messages with one of these Message-IDs, in arrival order. */
  withMessageIds(ids: Iterable<string>): ReceivedMail[];
  close(): Promise<void>;
}

/**
 * A real SMTP server on a free local port that accepts every message (no TLS, no authentication)
 * and keeps it. `delayMs` slows each acceptance down, for tests that need sending to take a while.
 */
export async function startSmtpSink({ delayMs = 0 }: { delayMs?: number } = {}): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    // Nothing to learn from the name of 127.0.0.1, and each lookup costs about 100 ms.
    disableReverseLookup: true,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const accept = () => {
          messages.push(parseMail(Buffer.concat(chunks).toString('utf8')));
          callback();
        };
        if (delayMs > 0) setTimeout(accept, delayMs);
        else accept();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    withMessageIds(ids) {
      const wanted = new Set(ids);
      return messages.filter((message) => wanted.has(message.messageId));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
