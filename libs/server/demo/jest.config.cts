module.exports = {
  displayName: 'server-demo',
  preset: '../../../jest.preset.server.js',
  coverageDirectory: '../../../coverage/libs/server/demo',
};
