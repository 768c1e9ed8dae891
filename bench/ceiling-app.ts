/**
 * The framework ceiling: a bare NestJS-on-Express application with one GET handler returning a constant. No
 * database, no guard, no logger, no middleware: whatever the product does per request costs on top of this.
 *
 *   PORT=4100 node dist/bench/ceiling-app.js
 */
import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';

const CONSTANT = { status: 'ok', database: 'up' };

@Controller()
class CeilingController {
  @Get('ceiling')
  constant(): typeof CONSTANT {
    return CONSTANT;
  }
}

@Module({ controllers: [CeilingController] })
class CeilingModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(CeilingModule, { logger: false });
  app.enableShutdownHooks();
  const port = Number(process.env.PORT ?? 4100);
  await app.listen(port, '127.0.0.1');
  process.stdout.write(`${JSON.stringify({ msg: 'ceiling listening', port })}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`ceiling app failed: ${String(e)}\n`);
  process.exit(1);
});
