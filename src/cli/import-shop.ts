import type { Recoup } from '../app.ts';
import type { Actor } from '../shared/actor.ts';
import { AppError } from '../shared/errors.ts';

/** `recoup import shop ID`: backfills a connected shop's order history (store connector work). */
export async function importShop(_recoup: Recoup, _actor: Actor, shopId: string): Promise<void> {
  throw new AppError('CONFLICT', `Backfilling shop ${shopId} from its platform is not available yet; import a CSV with \`recoup import orders FILE --shop ${shopId}\`.`);
}
