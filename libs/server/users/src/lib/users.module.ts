import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@convergence/server/core';
import { OrganizationsModule } from '@convergence/server/organizations';
import { AuthResolver } from './auth/auth.resolver';
import { AuthService } from './auth/auth.service';
import { JwtStrategy } from './auth/jwt.strategy';
import { SessionService } from './auth/session.service';
import { RefreshTokenEntity } from './auth/refresh-token.entity';
import { SignInFailureEntity } from './auth/sign-in-failure.entity';
import { UserAdminResolver } from './user-admin.resolver';
import { UserAdminService } from './user-admin.service';
import { UserEntity } from './user.entity';
import { UserResolver } from './user.resolver';
import { UserService } from './user.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, RefreshTokenEntity, SignInFailureEntity]),
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: config.jwtSecret, signOptions: { algorithm: 'HS256' } }),
    }),
    OrganizationsModule,
  ],
  providers: [
    AuthService,
    JwtStrategy,
    SessionService,
    UserService,
    UserAdminService,
    AuthResolver,
    UserResolver,
    UserAdminResolver,
  ],
  exports: [UserService, SessionService],
})
export class UsersModule {}
