import { defineConfig } from 'vite';
import { viteInputs } from './src/shared/pages.ts';

/** Where `vite dev` sends API calls: a PAKN server started with `pnpm --filter @pakn/server start`. */
const apiTarget = process.env.PAKN_API_URL ?? 'http://127.0.0.1:8080';

/**
 * The portal page (index.html → the shell) plus one entry per feature, read from the page table
 * (src/shared/pages.ts). The shell loads features with dynamic import(), which Rolldown points at the
 * feature's entry chunk; being entries, the features also keep their exports and can be mounted alone by
 * another intranet page (find the hashed file name in dist/.vite/manifest.json). Every built file except index.html is content-hashed under assets/, which the
 * server serves as immutable.
 */
export default defineConfig({
  base: '/portal/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    manifest: true,
    sourcemap: true,
    // Inlined assets would become data: URLs; keep everything a file so the CSP stays simple.
    assetsInlineLimit: 0,
    rolldownOptions: {
      input: viteInputs(),
      output: {
        // Name the shared chunks after what they hold (the default names them after a random module in them).
        codeSplitting: {
          groups: [
            { name: 'lit', test: /[\\/]node_modules[\\/](?:\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?(?:lit|lit-html|lit-element|@lit)[\\/]/ },
            { name: 'api-client', test: /[\\/](?:@trpc[\\/]|api-client[\\/]src[\\/])/ },
            { name: 'domain', test: /[\\/](?:domain[\\/]src|zod)[\\/]/ },
            { name: 'shared', test: /[\\/]apps[\\/]portal[\\/]src[\\/]shared[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      // The API accepts staff writes only from its own origin: present the proxied calls as coming from it.
      '/trpc': { target: apiTarget, changeOrigin: true, headers: { origin: apiTarget } },
    },
  },
});
