// Run with `npx jest -c tools/generators/jest.config.cts` (or `npx nx test tools-generators`).
module.exports = {
  displayName: 'tools-generators',
  preset: '../../jest.preset.server.js',
  coverageDirectory: '../../coverage/tools/generators',
};
