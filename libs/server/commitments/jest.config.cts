module.exports = {
  displayName: 'server-commitments',
  preset: '../../../jest.preset.server.js',
  coverageDirectory: '../../../coverage/libs/server/commitments',
};
