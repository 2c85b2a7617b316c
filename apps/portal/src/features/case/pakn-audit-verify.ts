import { css, html, nothing } from 'lit';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';
import { paknClient } from '#shared/client.ts';
import { TaskStatus, loadTask, taskFailure } from '#shared/controllers/load.ts';
import { base, tokens } from '#shared/styles.ts';
import { VERIFY_STRINGS as STRINGS } from './audit-strings.ts';
import { summariseVerification } from './audit-verification.ts';

/**
 * `<pakn-audit-verify>`: the check of the whole audit chain, for the audit page and a case's audit log.
 * Recomputes the keyed chain on the server, holds it against the signed checkpoints kept outside the
 * database, and says what broke and where.
 */
export class PaknAuditVerify extends PaknElement {
  /** Runs only when the button asks: the check reads the whole log. */
  readonly #check = loadTask(this, {
    args: () => [] as const,
    run: async (_, signal) => summariseVerification(await paknClient().audit.verify.query(undefined, { signal }), this.language.value),
    lang: () => this.language.value,
    autoRun: false,
  });

  protected override render() {
    const lang = this.language.value;
    const verifying = this.#check.status === TaskStatus.PENDING;
    const s = this.#check.status === TaskStatus.COMPLETE ? this.#check.value : undefined;
    const failure = taskFailure(this.#check);
    return html`<div class="verify" lang=${lang}>
      <button type="button" class="secondary" ?disabled=${verifying} @click=${() => void this.#check.run()}>
        ${verifying ? STRINGS.verifying[lang] : STRINGS.verify[lang]}
      </button>
      <div role="status" class="verify-result" data-testid="audit-verify-result" data-ok=${s ? String(s.ok) : nothing}>
        ${
          s
            ? html`<p class="headline">${s.headline}</p>
                <p class="checkpoint muted" data-testid="audit-last-checkpoint">${s.checkpoint}</p>
                ${
                  s.problems.length
                    ? html`<p class="findings">${STRINGS.findings[lang]}:</p>
                        <ul data-testid="audit-verify-problems">
                          ${s.problems.map((p) => html`<li>${p}</li>`)}
                        </ul>`
                    : nothing
                }`
            : nothing
        }
      </div>
      ${failure ? html`<p class="alert" role="alert">${failure.message}</p>` : nothing}
    </div>`;
  }

  static override styles = [
    tokens,
    base,
    css`
      .verify {
        display: flex;
        flex-wrap: wrap;
        align-items: flex-start;
        gap: 0.5rem 1rem;
      }
      .verify-result p,
      .verify-result ul {
        margin: 0;
      }
      .headline {
        font-weight: 600;
      }
      .verify-result[data-ok='true'] .headline {
        color: var(--_success);
      }
      .verify-result[data-ok='false'] .headline,
      .verify-result[data-ok='false'] li {
        color: var(--_danger);
      }
    `,
  ];
}

defineElement('pakn-audit-verify', PaknAuditVerify);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-audit-verify': PaknAuditVerify;
  }
}
