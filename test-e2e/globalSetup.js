// Builds the preview and the checker page once for the end-to-end run (the same code as `npm run preview` serves).
const { execSync } = require('child_process');
module.exports = async () => {
  execSync('npx webpack --mode production --env preview', { stdio: 'inherit', cwd: `${__dirname}/..` });
  // The no-install checker page, as `npm run build:web` makes it (test-e2e/web.e2e.test.ts).
  execSync('npx webpack --mode production --env web', { stdio: 'inherit', cwd: `${__dirname}/..` });
};
