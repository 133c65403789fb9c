import { startRecoup, type Recoup } from '../app.ts';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { ensureWorkspace } from '../modules/staff/index.ts';
import { systemActor, type Actor } from '../shared/actor.ts';
import { isAppError } from '../shared/errors.ts';

/** Loads config or exits with the message that says which variable to fix. */
export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

/** Runs one CLI command against the database (the running embedded server if there is one). */
export async function withRecoup(work: (recoup: Recoup, actor: Actor) => Promise<void>): Promise<void> {
  const recoup = await startRecoup(configOrExit(), { serve: false, work: false });
  try {
    const workspaceId = await ensureWorkspace(recoup.ctx.db);
    await work(recoup, { ...systemActor(workspaceId), label: 'cli' });
  } catch (error) {
    if (isAppError(error)) {
      console.error(`Error (${error.code}): ${error.message}`);
      process.exitCode = 1;
    } else throw error;
  } finally {
    await recoup.stop();
  }
}

/** Stops cleanly on Ctrl-C or a service manager's TERM, so the embedded PostgreSQL shuts down too. */
export function stopOnSignals(stop: () => Promise<void>) {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping Recoup…`);
    stop()
      .then(() => process.exit(0))
      .catch((error) => {
        console.error(error);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => handler('SIGINT'));
  process.on('SIGTERM', () => handler('SIGTERM'));
}
