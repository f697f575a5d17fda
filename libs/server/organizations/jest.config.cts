module.exports = {
  displayName: 'server-organizations',
  preset: '../../../jest.preset.server.js',
  coverageDirectory: '../../../coverage/libs/server/organizations',
};
