module.exports = {
  displayName: 'server-outbox',
  preset: '../../../jest.preset.server.js',
  coverageDirectory: '../../../coverage/libs/server/outbox',
};
