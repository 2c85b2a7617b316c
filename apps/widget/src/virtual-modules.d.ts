/** Build-time modules, see build/vite-plugins.ts. */
/* eslint-disable @typescript-eslint/consistent-type-imports -- an ambient module cannot `import type` by a relative path */
declare module 'virtual:pakn-domain-text/form/*' {
  const text: import('../build/domain-text.ts').DomainText;
  export default text;
}
declare module 'virtual:pakn-domain-text/track/*' {
  const text: import('../build/domain-text.ts').DomainTrackText;
  export default text;
}
declare module 'virtual:pakn-domain-rules' {
  const rules: import('../build/domain-text.ts').DomainRules;
  export default rules;
}

/** The package's version, defined at build time (vite.config.ts). */
declare const __PAKN_VERSION__: string;
