import { readFileSync } from 'fs';
import { join } from 'path';
import { JSDOM } from 'jsdom';

// office-addin-manifest validate needs the network; this checks offline what it would catch first.
const xml = readFileSync(join(__dirname, '..', 'manifest.xml'), 'utf8');
const doc = new JSDOM(xml, { contentType: 'text/xml' }).window.document;
const all = (tag: string) => Array.from(doc.getElementsByTagName(tag));
const OFFICE_NS = 'http://schemas.microsoft.com/office/appforoffice/1.1';

describe('manifest.xml', () => {
  it('parses as XML', () => {
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.localName).toBe('OfficeApp');
  });

  it('has a GUID id and a four-part version', () => {
    expect(all('Id')[0].textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(all('Version')[0].textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('keeps the schema order of the top-level elements', () => {
    const order = [
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'VersionOverrides',
    ];
    const children = Array.from(doc.documentElement.children).map((c) => c.localName);
    expect(children).toEqual(order);
  });

  it('targets Excel workbooks, with read/write permission, zh-CN and the ExcelApi 1.8 floor', () => {
    const hosts = Array.from(doc.documentElement.children).find((c) => c.localName === 'Hosts')!;
    expect(Array.from(hosts.children).map((h) => h.getAttribute('Name'))).toEqual(['Workbook']);
    expect(all('Permissions')[0].textContent).toBe('ReadWriteDocument');
    expect(all('DefaultLocale')[0].textContent).toBe('zh-CN');
    const set = all('Set')[0];
    expect([set.getAttribute('Name'), set.getAttribute('MinVersion')]).toEqual(['ExcelApi', '1.8']);
  });

  it('resolves every resid to a resource', () => {
    const ids = new Set(
      all('bt:Image')
        .concat(all('bt:Url'), all('bt:String'))
        .map((e) => e.getAttribute('id'))
        .filter((x): x is string => !!x),
    );
    const refs = Array.from(doc.querySelectorAll('*'))
      .map((e) => e.getAttribute('resid'))
      .filter((x): x is string => !!x);
    expect(refs.length).toBeGreaterThan(10);
    for (const r of refs) expect(ids).toContain(r);
  });

  it('uses https for every URL and points at pages the build emits', () => {
    const urls = Array.from(doc.querySelectorAll('*'))
      .map((e) => e.getAttribute('DefaultValue'))
      .filter((v): v is string => !!v && /^\w+:\/\//.test(v));
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
    const pages = urls.map((u) => new URL(u).pathname.slice(1));
    const emitted = [
      'taskpane.html',
      'commands.html',
      'help.html',
      'assets/icon-16.png',
      'assets/icon-32.png',
      'assets/icon-64.png',
      'assets/icon-80.png',
      'assets/check-16.png',
      'assets/check-32.png',
      'assets/check-80.png',
    ];
    for (const p of pages) expect(emitted).toContain(p);
  });

  it('puts a 年报助手 group with 打开助手 and 校验 on the Home tab, all strings in Chinese', () => {
    expect(all('OfficeTab')[0].getAttribute('id')).toBe('TabHome');
    const labels = all('bt:String').map((s) => s.getAttribute('DefaultValue') ?? '');
    expect(labels).toEqual(expect.arrayContaining(['年报助手', '打开助手', '校验']));
    for (const l of labels) expect(l).toMatch(/[\u4e00-\u9fff]/);
    expect(all('FunctionName')[0].textContent).toBe('checkWorkbookCommand');
    expect(doc.documentElement.namespaceURI).toBe(OFFICE_NS);
  });
});

describe('the production manifest (npm run build with XXGK_PROD_URL)', () => {
  const { productionManifest } = require('../scripts/manifest') as { productionManifest: (xml: string, url: string) => string };
  const { icons } = require('../scripts/icons') as { icons: () => Record<string, Buffer> };
  const drawn = icons();
  const pngSize = (buf: Buffer) => ({ width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) });
  const parse = (text: string) => new JSDOM(text, { contentType: 'text/xml' }).window.document;
  const urlsOf = (d: Document) =>
    Array.from(d.querySelectorAll('*'))
      .map((e) => e.getAttribute('DefaultValue'))
      .filter((v): v is string => !!v && /^\w+:\/\//.test(v));

  for (const prod of ['https://xxgk.example.gov.cn/nianbao/', 'https://xxgk.example.gov.cn/nianbao']) {
    it(`leaves no localhost anywhere and points every address at the deployment (${prod})`, () => {
      const out = productionManifest(xml, prod);
      expect(out).not.toMatch(/localhost/i);
      const d = parse(out);
      expect(d.getElementsByTagName('parsererror')).toHaveLength(0);
      expect(d.getElementsByTagName('AppDomain')).toHaveLength(0);
      const urls = urlsOf(d);
      expect(urls.length).toBe(urlsOf(doc).length);
      for (const u of urls) expect(u).toMatch(/^https:\/\/xxgk\.example\.gov\.cn\/nianbao\/[a-z]/);
    });
  }

  it('the build refuses any production file, bundles included, that still names localhost', () => {
    const { assertNoLocalhost } = require('../scripts/manifest') as { assertNoLocalhost: (files: Record<string, string | Buffer>) => void };
    expect(() =>
      assertNoLocalhost({ 'taskpane.js': Buffer.from('fetch("https://xxgk.example.gov.cn/a")'), 'manifest.prod.xml': '<x/>' }),
    ).not.toThrow();
    expect(() => assertNoLocalhost({ 'taskpane.js': Buffer.from('var u="https://localhost:3000/"'), 'a.html': 'ok' })).toThrow(
      /taskpane\.js/,
    );
  });

  it('lists no AppDomain equal to the origin of SourceLocation (it has no effect: https://learn.microsoft.com/javascript/api/manifest/appdomain)', () => {
    const source = new URL(all('SourceLocation')[0].getAttribute('DefaultValue')!).origin;
    expect(all('AppDomain').map((e) => e.textContent)).not.toContain(source);
    // AppDomains may not be empty (https://learn.microsoft.com/javascript/api/manifest/appdomains).
    for (const list of all('AppDomains')) expect(list.children.length).toBeGreaterThan(0);
  });

  describe('webpack.config.js', () => {
    const config = require('../webpack.config.js') as (env: object, options: { mode: string }) => Promise<{ plugins: unknown[] }>;
    const saved = process.env.XXGK_PROD_URL;
    afterEach(() => {
      if (saved === undefined) delete process.env.XXGK_PROD_URL;
      else process.env.XXGK_PROD_URL = saved;
    });

    it('fails a production build without XXGK_PROD_URL, so that no localhost manifest is shipped', async () => {
      delete process.env.XXGK_PROD_URL;
      await expect(config({}, { mode: 'production' })).rejects.toThrow(/XXGK_PROD_URL/);
    });

    it('fails a production build whose XXGK_PROD_URL is not https', async () => {
      process.env.XXGK_PROD_URL = 'http://xxgk.example.gov.cn/';
      await expect(config({}, { mode: 'production' })).rejects.toThrow(/https/);
    });

    it('builds for production with an https address, and for development and the preview without one', async () => {
      process.env.XXGK_PROD_URL = 'https://xxgk.example.gov.cn/nianbao/';
      await expect(config({}, { mode: 'production' })).resolves.toHaveProperty('plugins');
      delete process.env.XXGK_PROD_URL;
      await expect(config({}, { mode: 'development' })).resolves.toHaveProperty('plugins');
      await expect(config({ preview: true }, { mode: 'production' })).resolves.toHaveProperty('plugins');
    });
  });

  it('refuses an address that is not https', () => {
    expect(() => productionManifest(xml, 'http://xxgk.example.gov.cn/')).toThrow(/https/);
    expect(() => productionManifest(xml, 'xxgk.example.gov.cn')).toThrow(/XXGK_PROD_URL/);
  });

  it('names icons of the sizes Office asks for: IconUrl 32×32, HighResolutionIconUrl 64×64, ribbon images as declared', () => {
    const fileOf = (url: string) => {
      const file = new URL(url).pathname.slice(1);
      expect(Object.keys(drawn)).toContain(file);
      return drawn[file];
    };
    // https://learn.microsoft.com/javascript/api/manifest/highresolutioniconurl: 64 x 64 for task pane add-ins.
    expect(pngSize(fileOf(all('HighResolutionIconUrl')[0].getAttribute('DefaultValue')!))).toEqual({ width: 64, height: 64 });
    // https://learn.microsoft.com/javascript/api/manifest/iconurl: 32 x 32.
    expect(pngSize(fileOf(all('IconUrl')[0].getAttribute('DefaultValue')!))).toEqual({ width: 32, height: 32 });
    const images = new Map(
      all('bt:Image')
        .filter((e) => e.getAttribute('id'))
        .map((e) => [e.getAttribute('id')!, e.getAttribute('DefaultValue')!]),
    );
    const refs = all('bt:Image').filter((e) => e.getAttribute('resid'));
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) {
      const size = Number(r.getAttribute('size'));
      expect(pngSize(fileOf(images.get(r.getAttribute('resid')!)!))).toEqual({ width: size, height: size });
    }
  });
});
