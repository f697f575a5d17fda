module.exports = {
  displayName: 'server-territories',
  preset: '../../../jest.preset.server.js',
  coverageDirectory: '../../../coverage/libs/server/territories',
};
