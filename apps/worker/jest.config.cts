module.exports = {
  displayName: 'worker',
  preset: '../../jest.preset.server.js',
  coverageDirectory: '../../coverage/apps/worker',
};
