module.exports = {
  displayName: 'server-forums',
  preset: '../../../jest.preset.server.js',
  coverageDirectory: '../../../coverage/libs/server/forums',
};
