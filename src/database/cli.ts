/* Migration commands (npm run migration:run | migration:revert | migration:show | migration:generate -- Name). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../config/config';
import { createDataSource } from './data-source';

const ENTITIES = [join(__dirname, '..', '**', '*.entity.js')];

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  const config = loadConfig();
  const ds = await createDataSource(config, { entities: ENTITIES, migrationsRun: false });
  try {
    switch (command) {
      case 'run': {
        const done = await ds.runMigrations({ transaction: 'each' });
        out(done.length ? done.map((m) => `applied ${m.name}`).join('\n') : 'no pending migrations');
        break;
      }
      case 'revert':
        await ds.undoLastMigration({ transaction: 'each' });
        out('reverted the last migration');
        break;
      case 'show': {
        const pending = await ds.showMigrations();
        out(pending ? 'there are pending migrations' : 'all migrations applied');
        break;
      }
      case 'generate': {
        if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('usage: migration:generate -- PascalCaseName');
        // Compares the entities with the migrated schema and writes the difference as a migration to review.
        const sql = await ds.driver.createSchemaBuilder().log();
        if (sql.upQueries.length === 0) {
          out('the entities match the schema: nothing to generate');
          break;
        }
        const ts = Date.now();
        const q = (s: string) => '`' + s.replace(/`/g, '\\`') + '`';
        const file = join(
          process.cwd(),
          'migrations',
          `${ts}-${name.replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase())}.ts`,
        );
        writeFileSync(
          file,
          `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${ts} implements MigrationInterface {
  name = '${name}${ts}';

  async up(q: QueryRunner): Promise<void> {
${sql.upQueries.map((x) => `    await q.query(${q(x.query)});`).join('\n')}
  }

  async down(q: QueryRunner): Promise<void> {
${sql.downQueries
  .reverse()
  .map((x) => `    await q.query(${q(x.query)});`)
  .join('\n')}
  }
}
`,
        );
        out(`wrote ${file}: review it, then add ${name}${ts} to migrations/index.ts`);
        break;
      }
      default:
        throw new Error('usage: cli.js run | revert | show | generate Name');
    }
  } finally {
    await ds.destroy();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof ConfigError ? e.message : e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
