// The production manifest: manifest.xml with the development server's address replaced by the
// deployment's (XXGK_PROD_URL), and a check that no production file still names localhost.
const DEV_ORIGIN = 'https://localhost:3000';

/** The deployment's base URL (with a trailing slash) and origin, or an error in Chinese. */
function deployment(prodUrl) {
  let url;
  try {
    url = new URL(prodUrl);
  } catch {
    throw new Error(`XXGK_PROD_URL 不是有效的网址：${prodUrl}`);
  }
  // Office loads add-in pages, icons and dialogs only over https.
  if (url.protocol !== 'https:') throw new Error(`XXGK_PROD_URL 必须以 https:// 开头：${prodUrl}`);
  if (/^(localhost|127\.|\[::1\])/i.test(url.hostname)) throw new Error(`XXGK_PROD_URL 不能是本机地址：${prodUrl}`);
  url.search = '';
  url.hash = '';
  const base = url.href.endsWith('/') ? url.href : `${url.href}/`;
  return { base, origin: url.origin };
}

/**
 * manifest.xml for deployment at prodUrl: every page and icon address moves under the deployment's
 * base URL, and AppDomain (an origin, without a path) becomes the deployment's origin.
 */
function productionManifest(content, prodUrl) {
  const { base, origin } = deployment(prodUrl);
  const out = content.split(`${DEV_ORIGIN}/`).join(base).split(DEV_ORIGIN).join(origin);
  assertNoLocalhost({ 'manifest.prod.xml': out });
  return out;
}

/** Throws when any of the files (name → text or Buffer) mentions localhost. */
function assertNoLocalhost(files) {
  const bad = Object.entries(files)
    .filter(([, body]) => /localhost|127\.0\.0\.1/i.test(Buffer.isBuffer(body) ? body.toString('latin1') : String(body)))
    .map(([name]) => name);
  if (bad.length > 0) throw new Error(`生产构建中仍有本机地址（localhost）：${bad.join('、')}`);
}

module.exports = { DEV_ORIGIN, assertNoLocalhost, deployment, productionManifest };
