import { defineSafeledgerBuild } from '../../.config/tsup.shared.js';

export default defineSafeledgerBuild('node');
