import { createPaknClient, type PaknClient } from '@pakn/api-client';
import type { Lang, SubmitCaseInput, TrackCaseInput } from '@pakn/domain';

export type SiteConfig = Awaited<ReturnType<PaknClient['site']['config']['query']>>;
export type CaseReceipt = Awaited<ReturnType<PaknClient['case']['submit']['mutate']>>;
export type TrackedCase = Awaited<ReturnType<PaknClient['case']['track']['mutate']>>;

/**
 * The calls the widget makes, without credentials (no cookies, nothing stored). The site configuration is
 * fetched once per site and shared by the views; a failed fetch is forgotten so that it can be retried.
 */
export class PaknApi {
  readonly #client: PaknClient;
  readonly #configs = new Map<string, Promise<SiteConfig>>();

  constructor(origin: string, lang: () => Lang) {
    this.#client = createPaknClient({ baseUrl: origin, lang });
  }

  siteConfig(siteKey: string): Promise<SiteConfig> {
    let config = this.#configs.get(siteKey);
    if (!config) {
      config = this.#client.site.config.query({ siteKey });
      config.catch(() => this.#configs.delete(siteKey));
      this.#configs.set(siteKey, config);
    }
    return config;
  }

  submit(input: SubmitCaseInput): Promise<CaseReceipt> {
    return this.#client.case.submit.mutate(input);
  }

  track(input: TrackCaseInput): Promise<TrackedCase> {
    return this.#client.case.track.mutate(input);
  }
}
