/* A webpack plugin: the web checker page as ONE self-contained HTML file (src/web/check.html), its
 * page script, its core (the Web Worker's script, src/web/coreEntry.ts) and its PDF script (pdf.js,
 * src/web/pdfEntry.ts, run only when a PDF is met) inlined, with a Content-Security-Policy that
 * forbids every network request and allows exactly these three scripts (by hash) and workers made
 * from the page's own Blob URLs. */
const crypto = require('crypto');
const fs = require('fs');

/** Script text that cannot end its <script> element early, nor open a comment-like state. */
function inlineSafe(js) {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

const sha256 = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The page's policy: nothing from the network, the inline scripts by hash, workers from blob: only. */
function contentSecurityPolicy(scripts) {
  return [
    "default-src 'none'",
    `script-src ${scripts.map(sha256).join(' ')}`,
    'worker-src blob:',
    "style-src 'unsafe-inline'",
    'img-src data:',
    "connect-src 'none'",
    "font-src 'none'",
    "object-src 'none'",
    "media-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

class SingleFilePagePlugin {
  /**
   * @param {{ template: string, page: string, core: string, pdf: string, filename: string, keepCore?: boolean }} options chunk
   * names of the page, the core and the PDF script; keepCore: the core's own file stays too (the preview serves it to the task
   * pane as well)
   */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const { template, page, core, pdf, filename, keepCore } = this.options;
    compiler.hooks.thisCompilation.tap('SingleFilePagePlugin', (compilation) => {
      compilation.fileDependencies.add(template);
      compilation.hooks.processAssets.tap(
        { name: 'SingleFilePagePlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE },
        (assets) => {
          const pageJs = `${page}.js`;
          const coreJs = `${core}.js`;
          const pdfJs = `${pdf}.js`;
          if (!assets[pageJs] || !assets[coreJs] || !assets[pdfJs]) {
            compilation.errors.push(
              new compiler.webpack.WebpackError(`SingleFilePagePlugin: ${pageJs}, ${coreJs} or ${pdfJs} was not built`),
            );
            return;
          }
          const pageText = inlineSafe(assets[pageJs].source().toString());
          const coreText = inlineSafe(assets[coreJs].source().toString());
          const pdfText = inlineSafe(assets[pdfJs].source().toString());
          const others = Object.keys(assets).filter(
            (a) => a.endsWith('.js') && a !== pageJs && a !== coreJs && a !== pdfJs && /^web-/.test(a),
          );
          if (others.length)
            compilation.errors.push(new compiler.webpack.WebpackError(`SingleFilePagePlugin: extra chunks ${others.join(', ')}`));
          const html = fs
            .readFileSync(template, 'utf8')
            .replace('%CSP%', () => contentSecurityPolicy([pageText, coreText, pdfText]))
            // The elements' text is exactly the hashed script (the template's indentation around it is dropped).
            .replace(/\s*%CORE%\s*/, () => coreText)
            .replace(/\s*%PDF%\s*/, () => pdfText)
            .replace(/\s*%PAGE%\s*/, () => pageText);
          compilation.emitAsset(filename, new compiler.webpack.sources.RawSource(html));
          compilation.deleteAsset(pageJs);
          compilation.deleteAsset(pdfJs);
          if (!keepCore) compilation.deleteAsset(coreJs);
        },
      );
    });
  }
}

module.exports = { SingleFilePagePlugin, inlineSafe, contentSecurityPolicy };
