import { defineSafeledgerBuild } from '../../.config/tsup.shared.js';

// Neutral: this package runs in browsers as well as Node.
export default defineSafeledgerBuild('neutral');
