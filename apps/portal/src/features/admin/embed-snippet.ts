/** Escapes text for a double-quoted HTML attribute. */
function attribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}

/** The one line a partner site pastes into its pages to embed the widget (see README, "Embedding the widget"). */
export function embedSnippet(paknOrigin: string, siteKey: string): string {
  return `<script src="${attribute(`${paknOrigin}/widget/v1/loader.js`)}" data-site="${attribute(siteKey)}" async></script>`;
}

/** The site's hosted page: the form on the PAKN origin, for QR codes and for browsers without the widget. */
export function hostedPageUrl(paknOrigin: string, siteKey: string): string {
  return `${paknOrigin}/c/${encodeURIComponent(siteKey)}`;
}
