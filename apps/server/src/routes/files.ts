/**
 * The file routes: what a citizen attaches (/api/v1/attachments) and the unit's answer files
 * (/api/v1/answer-attachments), and what staff download of both. Statuses and words come from @pakn/api's one
 * error mapping; the surface's headers from security-headers.ts.
 */
import { Hono } from 'hono';
import {
  downloadAnswerAttachmentForCitizen,
  downloadAnswerAttachmentForStaff,
  downloadAttachment,
  removeAnswerAttachment,
  uploadAnswerAttachment,
  uploadAttachment,
} from '@pakn/api';
import { MAX_ATTACHMENT_BYTES } from '@pakn/domain';
import type { SurfaceContext } from '../app-context.ts';
import { downloadResponse, linkRefused, refusedFile, sentFileName, smallBodyLimit, staffDownloadType } from './file-responses.ts';
import { bodyLimitOf, noStore, type AppEnv } from '../middleware.ts';
import { ownPageHeaders } from '../security-headers.ts';

/** Citizens' and answer files share one size limit and one answer past it. */
const attachmentLimit = bodyLimitOf(MAX_ATTACHMENT_BYTES, 'attachment_too_large');

const served = (file: { content: Uint8Array; mime: string; name: string }) => downloadResponse(file.content, file.mime, file.name);

/** /api/v1/attachments: a citizen's files before submitting, and staff downloads of them. */
export function attachmentRoutes({ services, requestInfo, citizenCors }: SurfaceContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', ownPageHeaders, noStore);
  // Raw bytes from a registered site's page; the server decides the type from the bytes.
  app.use('/', citizenCors);
  app.post('/', attachmentLimit, async (c) => {
    try {
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const uploaded = await uploadAttachment(services, requestInfo(c), { siteKey: c.req.header('x-pakn-site') ?? '', name: sentFileName(c), bytes });
      return c.json(uploaded, 201);
    } catch (error) {
      return refusedFile(c, error);
    }
  });
  // Staff download a citizen's file: session cookie, the case's authorization, never rendered inline, audited.
  app.on(['GET', 'HEAD'], '/:id', linkRefused('download_by_button'));
  app.post('/:id', staffDownloadType, smallBodyLimit, async (c) => {
    try {
      return served(await downloadAttachment(services, requestInfo(c), c.req.param('id')));
    } catch (error) {
      return refusedFile(c, error);
    }
  });
  return app;
}

/**
 * /api/v1/answer-attachments: staff upload them from the portal (session, same origin, anti-CSRF header), remove
 * their own before sending, and download any of a case they may see; the citizen downloads those of the verified
 * answer from the widget.
 */
export function answerFileRoutes(surface: SurfaceContext): Hono<AppEnv> {
  const { services, requestInfo } = surface;
  const app = new Hono<AppEnv>();
  app.use('*', ownPageHeaders, noStore);
  app.post('/', attachmentLimit, async (c) => {
    try {
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const uploaded = await uploadAnswerAttachment(services, requestInfo(c), { caseId: c.req.header('x-pakn-case') ?? '', name: sentFileName(c), bytes });
      return c.json(uploaded, 201);
    } catch (error) {
      return refusedFile(c, error);
    }
  });
  app.delete('/:id', async (c) => {
    try {
      await removeAnswerAttachment(services, requestInfo(c), c.req.param('id'));
      return c.body(null, 204);
    } catch (error) {
      return refusedFile(c, error);
    }
  });
  app.on(['GET', 'HEAD'], '/:id', linkRefused('download_by_button'));
  app.post('/:id', staffDownloadType, smallBodyLimit, async (c) => {
    try {
      return served(await downloadAnswerAttachmentForStaff(services, requestInfo(c), c.req.param('id')));
    } catch (error) {
      return refusedFile(c, error);
    }
  });
  citizenAnswerFileRoute(app, surface);
  return app;
}

/** The citizen's copy: the proof they track with in a JSON body (never in a URL), from a registered site's page. */
function citizenAnswerFileRoute(app: Hono<AppEnv>, { services, requestInfo, citizenCors }: SurfaceContext): void {
  app.use('/:id/download', citizenCors);
  app.post('/:id/download', smallBodyLimit, async (c) => {
    try {
      const body = (await c.req.json().catch(() => null)) as { reference?: unknown; accessKey?: unknown } | null;
      const text = (value: unknown) => (typeof value === 'string' ? value : '');
      const proof = { reference: text(body?.reference), accessKey: text(body?.accessKey) };
      const response = served(await downloadAnswerAttachmentForCitizen(services, requestInfo(c), c.req.param('id'), proof));
      // The widget runs on the site's page: the bytes must be readable there (CORS), as the API's answers are.
      response.headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
      const allowed = c.res.headers.get('Access-Control-Allow-Origin');
      if (allowed) response.headers.set('Access-Control-Allow-Origin', allowed);
      response.headers.set('Vary', 'Origin');
      return response;
    } catch (error) {
      return refusedFile(c, error);
    }
  });
}
