import { errorMessage, type Lang, type Text } from '@pakn/domain';

const NETWORK: Text = { vi: 'Không kết nối được máy chủ. Vui lòng thử lại.', en: 'Could not reach the server. Please try again.' };

/** The file name the server gave in Content-Disposition (`filename*` first, RFC 6266), or a fallback. */
export function dispositionFileName(header: string | null, fallback: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '')?.[1];
  if (star) {
    try {
      return decodeURIComponent(star);
    } catch {
      // A malformed name: the plain one, or the fallback.
    }
  }
  return /filename="([^"]+)"/i.exec(header ?? '')?.[1] ?? fallback;
}

export interface DownloadRequest {
  /** A same-origin path of the server's (an export, a staff download). */
  readonly url: string;
  readonly lang: Lang;
  /** Sent as JSON when given (an export's filter); a file download sends no body. */
  readonly body?: unknown;
  /** The name to save under when the server gives none. */
  readonly fallbackName: string;
  /** Where the short-lived link that starts the download goes: the element's own shadow root. */
  readonly container: ParentNode;
}

/** `status` 0 is a network failure; `message` is what to show, in the user's language. */
export type DownloadOutcome = { readonly ok: true } | { readonly ok: false; readonly status: number; readonly message: string };

/**
 * Downloads and saves a file the server writes to the audit log (exports, staff downloads of citizens' and
 * answer files). Such a download is a staff write (issue 9): a POST with the anti-CSRF header, never a link a
 * page could make the browser follow. The bytes are saved from a blob URL under the name the server gave.
 */
export async function saveDownload(request: DownloadRequest): Promise<DownloadOutcome> {
  const { url, lang, body } = request;
  try {
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), 'x-pakn-csrf': '1', 'x-pakn-lang': lang },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) {
      const refused = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      return { ok: false, status: response.status, message: refused?.error?.message ?? errorMessage('internal', lang) };
    }
    const objectUrl = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = objectUrl;
    link.download = dispositionFileName(response.headers.get('content-disposition'), request.fallbackName);
    link.hidden = true;
    request.container.append(link);
    link.click();
    link.remove();
    // The browser has started the download from the URL by now; a minute covers a slow disk.
    setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
    return { ok: true };
  } catch {
    return { ok: false, status: 0, message: NETWORK[lang] };
  }
}
