module.exports = {
  displayName: 'server-audit',
  preset: '../../../jest.preset.server.js',
  coverageDirectory: '../../../coverage/libs/server/audit',
};
