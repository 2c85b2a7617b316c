import { getCategory, type Executor } from '@pakn/db';
import { DomainError } from '@pakn/domain';

/**
 * Refuses a category that does not exist or is no longer active, as a field error on `field`. Categories are
 * data (issue 5): the schema checks only a key's shape; this is the check that it may be chosen now. A
 * widget's saved draft or a queued report may carry a category deactivated since: the citizen sees why, and
 * their text stays in the form.
 */
export async function assertActiveCategory(db: Executor, key: string, options: { field?: string; reason?: string } = {}): Promise<void> {
  const category = await getCategory(db, key);
  if (category?.active) return;
  throw new DomainError('invalid', `Category ${key} is unknown or inactive`, {
    reason: options.reason ?? 'invalid',
    fields: { [options.field ?? 'category']: 'invalid' },
  });
}
