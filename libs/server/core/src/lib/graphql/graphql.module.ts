import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import { GraphQLJSON } from 'graphql-scalars';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { requestedLocale } from '../i18n/request-locale';
import { errorPresenterPlugin, presentError } from './error-presenter';
import { contextLocale, type AuthenticatedRequest, type GraphqlContext } from './graphql-context';

interface WebSocketContext {
  connectionParams?: Record<string, unknown>;
  extra?: { request?: Request };
}

function httpContext(req: Request): GraphqlContext {
  return {
    req: req as AuthenticatedRequest,
    requestLocale: requestedLocale(req.headers['accept-language']),
    loaders: new Map(),
  };
}

/**
 * A graphql-ws connection sends the bearer token as `connectionParams.authorization`; it becomes the
 * request header the guard reads, so subscriptions are authorised exactly like queries. The web app
 * names its language in `connectionParams.acceptLanguage` (the socket's own header carries the
 * browser's), which wins over the handshake's Accept-Language.
 */
function webSocketContext({ connectionParams, extra }: WebSocketContext): GraphqlContext {
  const authorization = connectionParams?.['authorization'];
  const requested = connectionParams?.['acceptLanguage'];
  const acceptLanguage =
    typeof requested === 'string' ? requested : extra?.request?.headers['accept-language'];
  const req = {
    headers: {
      ...(typeof authorization === 'string' ? { authorization } : {}),
      ...(acceptLanguage ? { 'accept-language': acceptLanguage } : {}),
    },
  } as AuthenticatedRequest;
  return { req, requestLocale: requestedLocale(acceptLanguage), loaders: new Map() };
}

@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): ApolloDriverConfig => ({
        // The schema is built in memory; apps/api/schema.gql is its committed copy, checked by a test.
        autoSchemaFile: true,
        sortSchema: true,
        playground: false,
        introspection: !config.production,
        includeStacktraceInErrorResponses: false,
        resolvers: { JSON: GraphQLJSON },
        plugins: [errorPresenterPlugin],
        context: (arg: { req?: Request } & WebSocketContext) =>
          arg.req ? httpContext(arg.req) : webSocketContext(arg),
        subscriptions: {
          'graphql-ws': {
            path: '/graphql',
            // The Apollo plugin does not see WebSocket traffic: word its errors the same way here.
            onNext: (_socket, _id, _payload, args, result) =>
              result.errors?.length
                ? {
                    ...result,
                    errors: result.errors.map((e) =>
                      presentError(e, contextLocale(args.contextValue as GraphqlContext)),
                    ),
                  }
                : undefined,
          },
        },
      }),
    }),
  ],
})
export class CoreGraphqlModule {}
