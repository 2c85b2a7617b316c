export { createApp, API_BODY_LIMIT_BYTES, type AppDeps } from './app.ts';
export { parseEnv, type Config } from './env.ts';
export { startSystem, openDatabase, type RunningSystem } from './server.ts';
export { seedDemo, DEMO_PASSWORD, DEMO_STAFF, DEMO_SITE_KEY } from './seed.ts';
export { AssetDirectory } from './static-assets.ts';
