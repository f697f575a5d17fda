module.exports = {
  displayName: 'server-projects',
  preset: '../../../jest.preset.server.js',
  coverageDirectory: '../../../coverage/libs/server/projects',
};
