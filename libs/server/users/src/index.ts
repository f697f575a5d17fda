export * from './lib/user.entity';
export * from './lib/user.model';
export * from './lib/person.model';
export * from './lib/auth/refresh-token.entity';
export * from './lib/auth/sign-in-failure.entity';
export * from './lib/user.service';
export * from './lib/users.module';
export { hashPassword } from './lib/auth/passwords';
export { actorOf } from './lib/auth/actor-of';
