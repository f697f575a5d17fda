module.exports = {
  displayName: 'server-discussion',
  preset: '../../../jest.preset.server.js',
  coverageDirectory: '../../../coverage/libs/server/discussion',
};
