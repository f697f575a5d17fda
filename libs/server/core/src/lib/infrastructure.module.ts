import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { RedisService } from './redis/redis.service';

/** What every server process (api, worker) shares: its validated settings, logging and Redis. */
@Module({})
export class InfrastructureModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: InfrastructureModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (req) => req.url === '/health' },
          },
        }),
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }, RedisService],
      exports: [APP_CONFIG, RedisService],
    };
  }
}
