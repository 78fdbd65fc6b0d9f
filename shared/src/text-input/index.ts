export { TextInputError, type TextInputProblem } from './text-input-error';
export { decodeUtf8OrLatin1, incompleteUtf8Tail, utf8OrLatin1Bytes, type ByteChunks } from './decode';
export { CsvReader, csvRecords, type CsvReadOptions, type CsvRecord } from './csv';
export {
  csvRecordsByChunkDetectingDelimiter,
  detectDelimiter,
  type CsvDelimiter,
  type DetectedCsvOptions,
} from './csv-delimiter';
export { jsonArrayElementsByChunk, type JsonArrayOptions } from './json-array';
