import { createPaknClient, errorInfo, type ErrorInfo, type PaknClient } from '@pakn/api-client';
import { pageLang } from './i18n.ts';

/** `errorInfo(error, lang)`: whatever a call threw, as a reason, a message and field errors. */
export { errorInfo, type ErrorInfo };

let instance: PaknClient | undefined;

/**
 * The one API client of the page (created on first use, so that importing a feature has no side effects
 * beyond defining its element). Same origin: the portal is served by the PAKN server. Calls made in the
 * same tick are batched into one request. Server messages come back in the page's language.
 */
export function paknClient(): PaknClient {
  instance ??= createPaknClient({ baseUrl: '', lang: pageLang, staff: true, batch: true });
  return instance;
}

/** The session ended or never existed: the shell should show the login form. */
export function isSignedOut(info: ErrorInfo): boolean {
  return info.reason === 'unauthenticated';
}
