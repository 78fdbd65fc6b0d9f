// Integration tests start real servers and wait on real queues.
jest.setTimeout(60_000);
