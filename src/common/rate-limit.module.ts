import { Global, Module } from '@nestjs/common';
import { RateLimiter } from './rate-limit';

/** The shared rate limiter, available to every module (login counts by itself; the interceptor does the rest). */
@Global()
@Module({ providers: [RateLimiter], exports: [RateLimiter] })
export class RateLimitModule {}
