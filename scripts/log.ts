/** A line of the start script's own, told apart from the app's and the build's. */
export function log(message: string): void {
  console.log(process.stdout.isTTY ? `\x1b[35m[cadence]\x1b[0m ${message}` : `[cadence] ${message}`);
}
