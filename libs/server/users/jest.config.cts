module.exports = {
  displayName: 'server-users',
  preset: '../../../jest.preset.server.js',
  coverageDirectory: '../../../coverage/libs/server/users',
};
