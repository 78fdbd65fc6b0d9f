export { TextInputError, type TextInputProblem } from './text-input-error';
export { decodeUtf8OrLatin1, utf8OrLatin1Bytes, type ByteChunks } from './decode';
export { CsvReader, csvRecords, type CsvReadOptions, type CsvRecord } from './csv';
export {
  csvRecordsDetectingDelimiter,
  detectDelimiter,
  type CsvDelimiter,
  type DetectedCsvOptions,
} from './csv-delimiter';
export { jsonArrayElements, type JsonArrayOptions } from './json-array';
