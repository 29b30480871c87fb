/* A webpack loader for the web page's pdf.js: import.meta.url (used only by its Node and wasm
 * loaders, never run there) becomes the running script's own address instead of the build
 * machine's file path, which webpack would write into the page. */
module.exports = function importMetaUrl(source) {
  return source.replace(/\bimport\.meta\.url\b/g, 'self.location.href');
};
