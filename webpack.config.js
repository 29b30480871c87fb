/* Builds the task pane, the ribbon commands and the browser preview (yo office layout). */
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { icons } = require('./scripts/icons');
const { assertNoLocalhost, deployment, productionManifest } = require('./scripts/manifest');
const { SingleFilePagePlugin } = require('./scripts/singleFilePage');
const TerserPlugin = require('terser-webpack-plugin');

async function httpsOptions() {
  try {
    const devCerts = require('office-addin-dev-certs');
    const o = await devCerts.getHttpsServerOptions();
    return { type: 'https', options: { ca: o.ca, key: o.key, cert: o.cert } };
  } catch (e) {
    console.warn(`无法获取开发证书（${e.message}），开发服务器改用 http。`);
    return { type: 'http' };
  }
}

/** Fails a production build if any emitted file (manifest, pages, bundles) still names localhost. */
class NoLocalhostPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('NoLocalhostPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'NoLocalhostPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          const files = Object.fromEntries(Object.entries(assets).map(([name, source]) => [name, source.buffer()]));
          try {
            assertNoLocalhost(files);
          } catch (e) {
            compilation.errors.push(new compiler.webpack.WebpackError(e.message));
          }
        },
      );
    });
  }
}

/** Emits the generated icons as build assets. */
class IconsPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('IconsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'IconsPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          for (const [file, buf] of Object.entries(icons())) compilation.emitAsset(file, new compiler.webpack.sources.RawSource(buf));
        },
      );
    });
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === 'development';
  const serving = !!env.WEBPACK_SERVE;
  const preview = !!env.preview;
  // The no-install checker page: one self-contained file, dist-web/年报校验.html (src/web).
  const web = !!env.web;
  const production = !dev && !serving && !preview && !web;
  // The task pane reads last year's report in a worker running the web page's core (src/taskpane/readLastYearFile.ts).
  const lastYearCore = './src/web/coreEntry.ts';
  const webEntries = { 'web-page': './src/web/page.ts', 'web-core': './src/web/coreEntry.ts', 'web-pdf': './src/web/pdfEntry.ts' };
  const webPage = (filename, core = 'web-core') =>
    new SingleFilePagePlugin({
      template: path.resolve(__dirname, 'src/web/check.html'),
      page: 'web-page',
      core,
      pdf: 'web-pdf',
      filename,
      keepCore: core === 'lastYearCore',
    });
  const urlProd = process.env.XXGK_PROD_URL; // the deployment location, for dist/manifest.prod.xml
  // A production build without the deployment's address would ship a manifest that points at localhost.
  if (production && !urlProd)
    throw new Error(
      '未设置 XXGK_PROD_URL：生产构建需要部署地址（https），例如 XXGK_PROD_URL=https://example.gov.cn/nianbao/ npm run build',
    );
  if (production) deployment(urlProd);
  return {
    devtool: dev ? 'source-map' : false,
    // Edge Legacy (Office 2019 without WebView2) reads ES2017: webpack's runtime and the minifier keep to it.
    target: ['web', 'es2017'],
    entry: web
      ? webEntries
      : preview
        ? // The preview's /check.html inlines the pane's lastYearCore.js: the same core, minified once.
          { preview: './src/preview/index.tsx', lastYearCore, 'web-page': webEntries['web-page'], 'web-pdf': webEntries['web-pdf'] }
        : { taskpane: './src/taskpane/index.tsx', commands: './src/commands/commands.ts', lastYearCore },
    // chunkFilename: the task pane's second chunk (src/taskpane/deferred.tsx) is logic.js.
    output: {
      path: path.resolve(__dirname, web ? 'dist-web' : preview ? 'dist-preview' : 'dist'),
      chunkFilename: '[name].js',
      clean: true,
      // The web page's core runs in a Web Worker as in the page: the global object is `self` in both.
      globalObject: 'self',
      // One file: nothing is loaded later (a dynamic import stays in its entry).
      ...(web ? { asyncChunks: false } : {}),
    },
    // The pane reads last year's report with the command's readers (src/taskpane/readLastYearFile.ts):
    // their file-system calls are never made in the browser, so 'fs' resolves to nothing there.
    resolve: { extensions: ['.ts', '.tsx', '.js'], fallback: { fs: false } },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { transpileOnly: true, compilerOptions: { module: 'es2020', target: 'es2017', sourceMap: dev } },
          },
        },
        // The web page's PDF script (pdfEntry.ts): CMaps as data; pdf.js without the build's file paths.
        { test: /\.bcmap$/, type: 'asset/inline', generator: { dataUrl: { mimetype: 'application/octet-stream' } } },
        { test: /pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf(\.worker)?\.min\.mjs$/, use: path.resolve(__dirname, 'scripts/importMetaUrl.js') },
        // Office 2019 without WebView2 runs add-ins in Edge Legacy (EdgeHTML), which lacks ES2018+ syntax
        // such as ?. and ??: the libraries that ship it are lowered to ES2017 as well.
        {
          test: /\.m?js$/,
          include:
            /node_modules[\\/](keyborg|tabster|@fluentui|@griffel|@floating-ui|@swc[\\/]helpers|embla-carousel|use-sync-external-store)[\\/]/,
          use: {
            loader: 'ts-loader',
            options: { transpileOnly: true, compilerOptions: { allowJs: true, module: 'es2020', target: 'es2017', sourceMap: false } },
          },
        },
      ],
    },
    performance: { hints: false },
    // One second chunk for the task pane (deferred.tsx), not split further into library and own code.
    // pdf.js comes minified (its .min.mjs): minifying it again took most of the page's build.
    optimization: {
      splitChunks: false,
      minimizer: [new TerserPlugin({ exclude: /^web-pdf\.js$/, terserOptions: { compress: { passes: 2 } } })],
    },
    plugins: web
      ? [webPage('年报校验.html')]
      : preview
        ? [
            new HtmlWebpackPlugin({ filename: 'index.html', template: './src/preview/preview.html', chunks: ['preview'] }),
            webPage('check.html', 'lastYearCore'),
          ]
        : [
            new IconsPlugin(),
            ...(production ? [new NoLocalhostPlugin()] : []),
            new CopyWebpackPlugin({
              patterns: [
                { from: 'assets/*', to: 'assets/[name][ext]', noErrorOnMissing: true },
                { from: 'src/legacy-check.js', to: 'legacy-check.js' },
                {
                  from: 'manifest.xml',
                  to: `manifest${dev ? '' : '.prod'}.xml`,
                  transform: (content) => (production ? productionManifest(content.toString(), urlProd) : content),
                },
              ],
            }),
            new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
            new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'] }),
            new HtmlWebpackPlugin({ filename: 'check-result.html', template: './src/commands/check-result.html', chunks: [] }),
            new HtmlWebpackPlugin({ filename: 'help.html', template: './src/taskpane/help.html', chunks: [] }),
          ],
    devServer: {
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: serving && !preview ? await httpsOptions() : { type: 'http' },
      port: preview ? Number(process.env.PREVIEW_PORT || 3001) : Number(process.env.npm_package_config_dev_server_port || 3000),
      hot: false,
      liveReload: !preview,
      client: { overlay: false },
      open: false,
    },
  };
};
