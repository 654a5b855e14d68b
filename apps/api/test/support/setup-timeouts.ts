// Integration tests start apps and push bursts through a real database; Jest's 5 s default is too short.
// (A per-project testTimeout is ignored when all projects run together, so it is set here.)
jest.setTimeout(90_000);
