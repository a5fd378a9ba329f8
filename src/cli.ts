// The kubesim command line: argument parsing and wiring (source, watcher, API server, dashboard).
// Being built: see the README for what works today.
export async function main(argv: string[]): Promise<void> {
  console.error(`kubesim: the command line is not wired up yet (args: ${argv.join(' ')})`);
  process.exitCode = 1;
}
