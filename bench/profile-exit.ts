/**
 * Preloaded (`node -r dist/bench/profile-exit.js --cpu-prof …`) when the benchmark profiles the server: SIGUSR2
 * ends the process through process.exit, so that --cpu-prof writes its profile (a death by signal would not).
 */
process.on('SIGUSR2', () => process.exit(0));
