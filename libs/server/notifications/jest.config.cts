module.exports = {
  displayName: 'server-notifications',
  preset: '../../../jest.preset.server.js',
  coverageDirectory: '../../../coverage/libs/server/notifications',
};
