import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '@convergence/server/core';
import { SMTPServer } from 'smtp-server';
import { MailerService, messageIdHeader } from './mailer.service';

function configWith(dataDir: string, mail: Pick<AppConfig, 'smtpUrl' | 'mailFrom'>): AppConfig {
  return { dataDir, port: 3000, ...mail } as unknown as AppConfig;
}

const message = {
  to: 'sao@demo.convergence.ma',
  subject: 'Échéance dans 7 jours',
  html: '<p>Bonjour</p>',
  text: 'Bonjour',
  messageId: 'delivery-1b2c',
  locale: 'fr' as const,
};

describe('MailerService', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'convergence-mail-'));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('writes the message as an .eml file named after its id when no SMTP server is configured', async () => {
    const mailer = new MailerService(
      configWith(dataDir, { smtpUrl: null, mailFrom: 'Convergence <bot@convergence.ma>' }),
    );
    await mailer.send(message);
    await mailer.send(message); // sent again after a crash: the same file, not a second one
    await mailer.send({ ...message, messageId: '<notification-9@convergence>' });
    mailer.onModuleDestroy();

    expect((await readdir(join(dataDir, 'mail'))).sort()).toEqual([
      'delivery-1b2c.eml',
      'notification-9_convergence.eml',
    ]);
    const eml = await readFile(join(dataDir, 'mail', 'delivery-1b2c.eml'), 'utf8');
    expect(eml).toContain('Message-ID: <delivery-1b2c@convergence.ma>');
    expect(eml).toContain('To: sao@demo.convergence.ma');
    expect(eml).toContain('From: Convergence <bot@convergence.ma>');
    expect(eml).toContain('Content-Language: fr');
    expect(eml).toContain('Auto-Submitted: auto-generated');
    expect(eml).toContain('Content-Type: text/html');
  });

  it('sends over SMTP when SMTP_URL is set', async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push(Buffer.concat(chunks).toString('utf8'));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as { port: number };
    try {
      const mailer = new MailerService(
        configWith(dataDir, { smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: 'bot@convergence.ma' }),
      );
      await mailer.send(message);
      mailer.onModuleDestroy();
      expect(received).toHaveLength(1);
      expect(received[0]).toContain('Message-ID: <delivery-1b2c@convergence.ma>');
      expect(mailer.mailDirectory).toBeNull();
      await expect(readdir(dataDir)).resolves.toEqual([]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('messageIdHeader', () => {
  it('keeps a complete Message-ID and completes a bare id with the sender domain, safely', () => {
    expect(messageIdHeader('<a.b@c.d>', 'x@y.z')).toBe('<a.b@c.d>');
    expect(messageIdHeader('<a.b@c.d', 'x@y.z')).toBe('<a.b_c.d@y.z>');
    expect(messageIdHeader('digest DAILY/42', 'Convergence <x@mail.gov.ma>')).toBe(
      '<digest_DAILY_42@mail.gov.ma>',
    );
  });
});
