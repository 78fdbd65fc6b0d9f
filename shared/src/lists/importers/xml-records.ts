import { SaxesParser } from 'saxes';
import { ListFileError } from './list-file-error';

/** One element of a record, with its attributes, child elements and own text. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  /** Line of the start tag. */
  line: number;
}

export interface XmlShape {
  /** Root element names accepted (local names, without namespace prefix). */
  roots: readonly string[];
  /** Elements streamed as records, wherever they are (a record inside a record stays in its parent). */
  records: ReadonlySet<string>;
  /** What the file should be, for messages ("a UN Security Council consolidated list"). */
  expected: string;
}

const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

const plainAttrs = (attrs: Record<string, string>) => {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(attrs)) if (!key.startsWith('xmlns')) out[localName(key)] = value;
  return out;
};

interface ParseHandlers {
  onRoot?: (root: XmlElement) => void;
  onRecord: (record: XmlElement) => void;
  /** Text of elements outside records (header fields such as Publish_Date). */
  onHeaderText?: (name: string, text: string) => void;
}

function createParser(file: string, shape: XmlShape, handlers: ParseHandlers) {
  const parser = new SaxesParser({ position: true });
  const stack: XmlElement[] = [];
  let recordDepth = -1;
  let headerText = '';
  let sawRoot = false;
  parser.on('opentag', (tag) => {
    const element: XmlElement = {
      name: localName(tag.name),
      attrs: plainAttrs(tag.attributes as Record<string, string>),
      children: [],
      text: '',
      line: parser.line,
    };
    if (!sawRoot) {
      sawRoot = true;
      if (!shape.roots.includes(element.name)) {
        throw new ListFileError(
          { file, line: parser.line, element: element.name },
          `the root element is <${element.name}>; expected <${shape.roots.join('> or <')}> (${shape.expected})`,
        );
      }
      handlers.onRoot?.(element);
    }
    if (recordDepth < 0 && shape.records.has(element.name)) recordDepth = stack.length;
    if (recordDepth >= 0 && stack.length > recordDepth) stack[stack.length - 1]!.children.push(element);
    headerText = '';
    stack.push(element);
  });
  parser.on('text', (text) => {
    const top = stack[stack.length - 1];
    if (recordDepth >= 0 && top) top.text += text;
    else headerText += text;
  });
  parser.on('cdata', (text) => {
    const top = stack[stack.length - 1];
    if (recordDepth >= 0 && top) top.text += text;
    else headerText += text;
  });
  parser.on('closetag', () => {
    const element = stack.pop();
    if (!element) return;
    if (recordDepth >= 0 && stack.length === recordDepth) {
      recordDepth = -1;
      handlers.onRecord(element);
    } else if (recordDepth < 0) {
      const text = headerText.trim();
      if (text) handlers.onHeaderText?.(element.name, text);
      headerText = '';
    }
  });
  const fail = (error: unknown): never => {
    if (error instanceof ListFileError) throw error;
    const message = (error as Error).message.replace(/^[^:]*:\d+:\d+: /, '');
    const element = stack[stack.length - 1]?.name;
    throw new ListFileError(
      { file, line: parser.line, ...(element ? { element } : {}) },
      `is not well-formed XML: ${message}`,
      { cause: error },
    );
  };
  return {
    write(text: string) {
      try {
        parser.write(text);
      } catch (error) {
        fail(error);
      }
    },
    close() {
      if (!sawRoot)
        throw new ListFileError({ file, line: parser.line }, `holds no XML element; expected ${shape.expected}`);
      try {
        parser.close();
      } catch (error) {
        const open = stack[stack.length - 1]?.name;
        if (open)
          throw new ListFileError(
            { file, line: parser.line, element: open },
            `ends before <${open}> is closed: the file is truncated`,
            { cause: error },
          );
        fail(error);
      }
    },
  };
}

/** Streams the record elements of an XML file, checking its root element first. */
export async function* xmlRecords(
  file: string,
  chunks: AsyncIterable<string>,
  shape: XmlShape,
): AsyncGenerator<XmlElement> {
  const ready: XmlElement[] = [];
  const parser = createParser(file, shape, { onRecord: (record) => ready.push(record) });
  for await (const chunk of chunks) {
    parser.write(chunk);
    while (ready.length > 0) yield ready.shift()!;
  }
  parser.close();
  while (ready.length > 0) yield ready.shift()!;
}

export interface XmlHead {
  root: XmlElement;
  /** Text of header elements before the first record, by element name (first occurrence). */
  header: Map<string, string>;
}

/**
 * Reads the root element and header fields from the start of a file, stopping at the first record.
 * Rejects a wrong root element or malformed XML without reading the rest of the file.
 */
export function readXmlHead(file: string, head: string, shape: XmlShape, headIsWholeFile: boolean): XmlHead {
  let root: XmlElement | undefined;
  const header = new Map<string, string>();
  const parser = createParser(file, shape, {
    onRoot: (element) => (root = element),
    onRecord: () => undefined,
    onHeaderText: (name, text) => {
      if (!header.has(name)) header.set(name, text);
    },
  });
  const recordStart = new RegExp(`<(?:[\\w.-]+:)?(?:${[...shape.records].join('|')})[\\s/>]`);
  const match = recordStart.exec(head);
  const prefix = match ? head.slice(0, match.index) : head;
  parser.write(prefix);
  if (headIsWholeFile && !match) parser.close();
  if (!root)
    throw new ListFileError({ file, line: 1 }, `holds no XML element in its first 64 KiB; expected ${shape.expected}`);
  return { root, header };
}

export const childrenNamed = (element: XmlElement | undefined, name: string): XmlElement[] =>
  element?.children.filter((c) => c.name === name) ?? [];

export const childNamed = (element: XmlElement | undefined, name: string): XmlElement | undefined =>
  element?.children.find((c) => c.name === name);

/** Trimmed, whitespace-collapsed text of the first child with that name ('' when absent). */
export const childText = (element: XmlElement | undefined, name: string): string =>
  clean(childNamed(element, name)?.text);

export const clean = (text: string | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();
