import baseConfig from '../../eslint.config.mjs';

// Templates under domain-library/files end in __tmpl__, so they are not linted as code here.
export default [...baseConfig];
