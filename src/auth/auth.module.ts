import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { APP_CONFIG, AppConfig } from '../config/config';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AccountTokensRepository } from './account-tokens.repository';
import { AccountService } from './account.service';
import { AuthService } from './auth.service';
import { JwtStrategy } from './jwt.strategy';
import { SessionsRepository } from './session/sessions.repository';
import { SessionsService } from './session/sessions.service';

// Global: the admin's forced reset (UsersController) uses AccountService, and AuthModule already imports UsersModule.
@Global()
@Module({
  imports: [
    PassportModule,
    UsersModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.jwtSecret,
        signOptions: { expiresIn: config.jwtExpiresInSeconds, algorithm: 'HS256' },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, JwtStrategy, AccountService, AccountTokensRepository, SessionsService, SessionsRepository],
  // The global AccessGuard (declared in AppModule) authenticates cookie sessions through SessionsService.
  exports: [AccountService, SessionsService],
})
export class AuthModule {}
