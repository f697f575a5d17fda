module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.server.js',
  coverageDirectory: '../../coverage/apps/api',
};
