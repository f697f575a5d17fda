module.exports = {
  displayName: 'server-exports',
  preset: '../../../jest.preset.server.js',
  coverageDirectory: '../../../coverage/libs/server/exports',
};
