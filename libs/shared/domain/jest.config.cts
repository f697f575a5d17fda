module.exports = {
  displayName: 'shared-domain',
  preset: '../../../jest.preset.server.js',
  coverageDirectory: '../../../coverage/libs/shared/domain',
};
