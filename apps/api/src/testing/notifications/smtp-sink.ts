import { SMTPServer } from 'smtp-server';
import { parseMail, type ReceivedMail } from './received-mail';

export type { ReceivedMail } from './received-mail';

export interface SmtpSink {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  url: string;
  messages: ReceivedMail[];
  /** Addresses whose RCPT TO the server refuses (a mailbox "unavailable"), to test failures. */
  refuse: Set<string>;
  /** The messages with one of these Message-IDs, in arrival order. */
  withMessageIds(ids: Iterable<string>): ReceivedMail[];
  close(): Promise<void>;
}

/**
 * A real SMTP server (the `smtp-server` package) on a free local port that accepts every message (no
 * TLS, no authentication) but for the recipients in `refuse`, and keeps it. `delayMs` slows each
 * acceptance down, for tests that need sending to take a while.
 */
export async function startSmtpSink({ delayMs = 0 }: { delayMs?: number } = {}): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const refuse = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    // Nothing to learn from the name of 127.0.0.1, and each lookup costs about 100 ms.
    disableReverseLookup: true,
    onRcptTo(address, _session, callback) {
      if (!refuse.has(address.address)) return callback();
      const error = new Error('Mailbox unavailable') as Error & { responseCode: number };
      error.responseCode = 550;
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const accept = () => {
          const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
          messages.push(parseMail(Buffer.concat(chunks).toString('utf8'), to));
          callback();
        };
        if (delayMs > 0) setTimeout(accept, delayMs);
        else accept();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    refuse,
    withMessageIds(ids) {
      const wanted = new Set(ids);
      return messages.filter((message) => wanted.has(message.messageId));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
