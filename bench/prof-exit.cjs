// Preloaded into the API child when profiling (see helix-server.mjs): SIGUSR2 ends it with process.exit(),
// which writes --cpu-prof / --heap-prof output; the API's own exit hook stops its FerretDB child.
process.on('SIGUSR2', () => process.exit(0));
