module.exports = {
  displayName: 'server-dashboard',
  preset: '../../../jest.preset.server.js',
  coverageDirectory: '../../../coverage/libs/server/dashboard',
};
