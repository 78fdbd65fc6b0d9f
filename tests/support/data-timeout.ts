// The data suite parses and imports whole official list files.
jest.setTimeout(300_000);
