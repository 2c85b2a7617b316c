import { getTemplate, type Executor } from '@pakn/db';
import { DEFAULT_LETTER_TEMPLATE } from '@pakn/domain';

/**
 * The stored forwarding-letter template; the built-in one if the row is missing (it never is after 0007).
 * Below the routers: the admin edits it (routers/admin-settings.ts), the officer's draft renders it
 * (routers/case-handling.ts).
 */
export async function storedLetterTemplate(db: Executor): Promise<string> {
  return (await getTemplate(db, 'forwarding_letter'))?.body ?? DEFAULT_LETTER_TEMPLATE;
}
