// Builds the preview once for the end-to-end run (the same code as `npm run preview` serves).
const { execSync } = require('child_process');
module.exports = async () => {
  execSync('npx webpack --mode production --env preview', { stdio: 'inherit', cwd: `${__dirname}/..` });
};
