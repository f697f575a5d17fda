module.exports = {
  displayName: 'server-actions',
  preset: '../../../jest.preset.server.js',
  coverageDirectory: '../../../coverage/libs/server/actions',
};
