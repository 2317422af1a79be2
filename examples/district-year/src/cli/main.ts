import { runDemo } from './demo.js';

process.exitCode = await runDemo(process.argv.slice(2), {
  out: process.stdout,
  err: process.stderr,
});
