/** The baseline: a bare Hono hello-world on @hono/node-server, started by the HTTP bench in its own process. */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.get('/', (c) => c.text('Hello Hono!'));
app.post('/', (c) => c.text('Hello Hono!'));
const port = Number(process.argv[2] ?? '25003');
serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, () => console.log(`listening on ${port}`));
