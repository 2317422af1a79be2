import { runQuickstart } from './run-quickstart.js';

for (const line of await runQuickstart()) console.log(line);
